package dev.rampart.store;

import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Adapter intents (V2) on an H2 file, and on PostgreSQL when {@code RAMPART_TEST_PG_URL} is set. */
class IntentRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T07:00:00.123Z");

    @TempDir
    Path folder;
    private Store store;
    private String pgSchema;

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        if (pgSchema != null) {
            pg("DROP SCHEMA " + pgSchema + " CASCADE");
        }
    }

    @Test
    void onH2() {
        store = Store.open(DataFolder.jdbcUrl(folder));
        intentsRoundTrip();
    }

    @Test
    void onPostgres() throws Exception {
        String server = System.getenv("RAMPART_TEST_PG_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(server != null && !server.isBlank(),
                "RAMPART_TEST_PG_URL is not set");
        pgSchema = "rampart_intents_" + UUID.randomUUID().toString().replace("-", "");
        pg("CREATE SCHEMA " + pgSchema);
        String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + pgSchema;
        Store.migrate(url, null, java.util.List.of());
        store = Store.open(url);
        intentsRoundTrip();
    }

    private void intentsRoundTrip() {
        long plan = store.plans().add("REL-1", "checkout", "2.1.0", "olga", "{}", "test").id();
        long rollout = store.rollouts().create(plan, RolloutState.SCHEDULED, "olga",
                new NewEvent(null, T0, "rollout.scheduled", "olga", null, Map.of())).id();
        JdbcIntentRepository intents = store.intents();
        Intent apply = Intent.pending(rollout, "rollout-1-1-apply-canary", "apply",
                Map.of("stage", "0", "weight.canary", "10.0"), T0);
        Intent rollback = Intent.pending(rollout, "rollout-1-2-rollback-previous", "rollback", Map.of("stage", "0"), T0);
        intents.record(apply);
        intents.record(rollback);
        intents.finish(apply.finish(IntentStatus.DONE, "confirmed {canary=10.0}", T0.plusSeconds(1)));

        assertThat(intents.unfinished(rollout)).containsExactly(rollback);
        assertThat(intents.all(rollout)).containsExactly(
                apply.finish(IntentStatus.DONE, "confirmed {canary=10.0}", T0.plusSeconds(1)), rollback);
        assertThatThrownBy(() -> intents.record(apply)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> intents.finish(Intent.pending(rollout, "nope", "apply", Map.of(), T0)
                .finish(IntentStatus.DONE, "", T0))).isInstanceOf(IllegalStateException.class);
    }

    private static void pg(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getenv("RAMPART_TEST_PG_URL"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
