package dev.rampart.store;

import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2StoreTest extends StoreContractTest {

    @TempDir
    Path folder;

    @Override
    protected List<String> bypassAppendOnly() {
        return List.of("DROP TRIGGER IF EXISTS audit_events_append_only");
    }

    @Override
    protected Store openStore() {
        return Store.open(DataFolder.jdbcUrl(folder));
    }

    @Test
    void reopeningKeepsEverythingAndMigratesOnlyOnce() throws Exception {
        StoredPlan plan = store.plans().add("REL-1", "checkout", "2.1.0", "ada", "{\"a\":1}", "plan.json");
        Rollout rollout = store.rollouts().create(plan.id(), RolloutState.SCHEDULED, "ada", event("rollout.scheduled", T0));
        rollout = store.rollouts().update(rollout.withState(RolloutState.RUNNING, 0, T0.plusSeconds(3)),
                List.of(event("rollout.started", T0.plusSeconds(3))));
        List<AuditEvent> events = store.audit().read(0, 100);
        store.close();

        store = openStore();
        store.close();
        store = openStore();

        assertThat(store.plans().list()).containsExactly(plan);
        assertThat(store.rollouts().find(rollout.id())).contains(rollout);
        assertThat(store.audit().read(0, 100)).isEqualTo(events);
        assertThat(store.audit().verify().isIntact()).isTrue();
        assertThat(store.audit().append(event("store.reopened", T0)).previousHash()).isEqualTo(events.get(events.size() - 1).hash());
        try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT \"version\") FROM \"flyway_schema_history\""
                     + " WHERE \"type\" = 'SQL'")) {
            row.next();
            assertThat(row.getInt(1)).isGreaterThanOrEqualTo(2).isEqualTo(row.getInt(2)); // each migration once
        }
    }

    @Test
    void createsTheDataFolderAndItsFile() {
        Path nested = folder.resolve("not/yet/there");
        try (Store other = Store.open(DataFolder.jdbcUrl(nested))) {
            assertThat(other.audit().count()).isZero();
        }
        assertThat(nested.resolve("rampart.mv.db")).exists();
    }

    @Test
    void aSecondOpenInThisProcessIsRefusedClearly() {
        Path file = folder.resolve("rampart.mv.db").toAbsolutePath();

        assertThatThrownBy(() -> Store.open(DataFolder.jdbcUrl(folder)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("The Rampart store " + file + " is already open in this Rampart process."
                        + " Close it first, or use --db to open another store.");
        // the refused open did not disturb the open store
        assertThat(store.audit().append(event("still.here", T0)).seq()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void aStoreHeldByAnotherProcessIsRefusedClearly() throws Exception {
        store.close();
        store = null;
        String url = DataFolder.jdbcUrl(folder);
        Process child = ChildJvm.start(StoreCrashChild.class, folder.resolve("child.err"), "hold", url);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(ChildJvm.nextReply(out)).as("child: %s", ChildJvm.errors(folder.resolve("child.err")))
                    .isEqualTo("open");

            assertThatThrownBy(() -> Store.open(url))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("The Rampart store " + folder.resolve("rampart.mv.db").toAbsolutePath()
                            + " is in use by another Rampart process. Close it, or use --db to open another store.");

            child.getOutputStream().close();
            assertThat(child.waitFor()).isZero();
        } finally {
            child.destroyForcibly();
        }
        try (Store reopened = Store.open(url)) {
            assertThat(reopened.audit().count()).isZero();
        }
    }

    @Test
    void anUnwritableFolderIsReportedWithoutAStackTrace() throws Exception {
        Path file = folder.resolve("a-file");
        Files.writeString(file, "x");

        assertThatThrownBy(() -> Store.open(DataFolder.jdbcUrl(file.resolve("sub"))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("The Rampart store " + file.resolve("sub/rampart.mv.db"))
                .hasMessageNotContaining("\n").hasMessageNotContaining("at org.h2");
    }

    @Test
    void autoServerIsRefused() {
        assertThatThrownBy(() -> Store.open("jdbc:h2:file:" + folder.resolve("other") + ";AUTO_SERVER=TRUE"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("AUTO_SERVER");
        assertThat(folder.resolve("other.mv.db")).doesNotExist();
    }

    @Test
    void anUnknownUrlIsExplained() {
        assertThatThrownBy(() -> Store.open("jdbc:nosuchdb://x?password=hunter2"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("not a store Rampart can open")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anH2UrlWithoutSettingsStillGetsDurableCommits() throws Exception {
        store.close();
        store = null;
        String bare = "jdbc:h2:file:" + folder.resolve("bare").toAbsolutePath();
        try (Store plain = Store.open(bare);
             Connection c = DriverManager.getConnection(bare); Statement s = c.createStatement();
             ResultSet row = s.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("0");
        }
    }
}
