package dev.rampart.store;

import dev.rampart.domain.repo.ConcurrentChangeException;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The repository contract on a real PostgreSQL server: set {@code RAMPART_TEST_PG_URL} to a JDBC URL with user
 * and password. Each test gets a schema of its own. Skipped without the variable, unless
 * {@code RAMPART_REQUIRE_INTEGRATION=1}, which turns the missing server into a failure.
 */
class PostgresStoreTest extends StoreContractTest {

    private static String serverUrl;
    private String schema;

    @BeforeAll
    static void findServer() {
        serverUrl = System.getenv("RAMPART_TEST_PG_URL");
        if (serverUrl == null || serverUrl.isBlank()) {
            if ("1".equals(System.getenv("RAMPART_REQUIRE_INTEGRATION"))) {
                fail("RAMPART_REQUIRE_INTEGRATION=1, but the PostgreSQL server is missing: set RAMPART_TEST_PG_URL"
                        + " to a JDBC URL with user and password, e.g."
                        + " jdbc:postgresql://localhost:5432/rampart_test?user=rampart&password=...");
            }
            Assumptions.abort("RAMPART_TEST_PG_URL is not set; PostgreSQL store tests skipped");
        }
    }

    @Override
    protected List<String> bypassAppendOnly() {
        return List.of("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
    }

    @Override
    protected Store openStore() {
        schema = "rampart_test_" + UUID.randomUUID().toString().replace("-", "");
        admin("CREATE SCHEMA " + schema);
        Store.migrate(urlOf(schema), null, List.of());
        return Store.open(urlOf(schema));
    }

    @AfterEach
    void dropSchema() {
        if (store != null) {
            store.close();
            store = null;
        }
        admin("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void appendsFromTwoProcessesNeverShareAPredecessor() throws Exception {
        try (Store other = Store.open(urlOf(schema))) {
            List<Thread> writers = new ArrayList<>();
            for (Store writer : List.of(store, other)) {
                for (int t = 0; t < 2; t++) {
                    writers.add(new Thread(() -> {
                        for (int i = 0; i < 25; i++) {
                            writer.audit().append(new NewEvent(null, T0, "tick", "writer", null, Map.of()));
                        }
                    }));
                }
            }
            writers.forEach(Thread::start);
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(other.audit().verify()).isEqualTo(AuditVerification.intact(100));
        }
    }

    @Test
    void aRolloutChangedThroughAnotherConnectionIsAConcurrentChange() {
        long plan = plan();
        long before = store.audit().count();
        Rollout created = store.rollouts().create(plan, RolloutState.SCHEDULED, "ada", event("rollout.scheduled", T0));
        try (Store other = Store.open(urlOf(schema))) {
            other.rollouts().update(created.withState(RolloutState.RUNNING, 0, T0.plusSeconds(1)), List.of());
        }
        assertThatThrownBy(() -> store.rollouts().update(created.withState(RolloutState.PAUSED, -1, T0.plusSeconds(2)),
                List.of(event("rollout.paused", T0.plusSeconds(2)))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(store.audit().count()).isEqualTo(before + 1);
    }

    @Test
    void reopeningMigratesOnlyOnce() {
        store.audit().append(event("tick", T0));
        store.close();
        store = Store.open(urlOf(schema));
        assertThat(store.audit().verify()).isEqualTo(AuditVerification.intact(1));
    }

    private static String urlOf(String schema) {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test setup failed: " + sql, e);
        }
    }
}
