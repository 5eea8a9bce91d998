package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real H2 file changed behind the app's back: the app is closed, an attacker with the file and the database's
 * admin rights drops the append-only trigger and edits, deletes, inserts or reorders events with plain JDBC; the
 * reopened store's verify names the first bad event.
 */
class AuditTamperTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path folder;
    String url;
    List<AuditEvent> events;

    @BeforeEach
    void sixEvents() {
        url = DataFolder.jdbcUrl(folder);
        try (Store store = Store.open(url)) {
            for (int i = 1; i <= 6; i++) {
                store.audit().append(new NewEvent(null, T0.plusSeconds(i), "rollout.tick", "ana", "canary",
                        Map.of("i", Integer.toString(i))));
            }
            events = store.audit().read(0, 10);
            assertThat(store.audit().verify()).isEqualTo(AuditVerification.intact(6));
        }
    }

    @Test
    void anEditedEventIsNamed() throws SQLException {
        attack("UPDATE audit_events SET actor = 'mallory' WHERE seq = 4");
        assertThat(verdict().firstBadSeq()).hasValue(4);
        assertThat(verdict().problem()).contains("edited");
    }

    @Test
    void anEditedEventWithARecomputedHashIsCaughtAtTheNextLink() throws SQLException {
        AuditEvent e = events.get(3);
        String forged = AuditChain.hash(4, null, e.at(), e.type(), "mallory", e.stage(), e.data(), e.previousHash());
        attack("UPDATE audit_events SET actor = 'mallory', hash = '" + forged + "' WHERE seq = 4");
        assertThat(verdict().firstBadSeq()).hasValue(5);
    }

    @Test
    void aDeletedEventIsNamed() throws SQLException {
        attack("DELETE FROM audit_events WHERE seq = 3");
        assertThat(verdict().firstBadSeq()).hasValue(3);
        assertThat(verdict().problem()).contains("missing");
    }

    @Test
    void deletingTheNewestEventsIsCaught() throws SQLException {
        attack("DELETE FROM audit_events WHERE seq >= 5");
        assertThat(verdict().firstBadSeq()).hasValue(5);
    }

    @Test
    void anEventInsertedInTheMiddleIsCaughtWhereTheChainNoLongerLinks() throws SQLException {
        // make room at seq 3 and insert a well-formed forged event that links to event 2
        attack("UPDATE audit_events SET seq = seq + 100 WHERE seq >= 3",
                "UPDATE audit_events SET seq = seq - 99 WHERE seq >= 103");
        AuditEvent two = events.get(1);
        Instant at = T0.plusSeconds(2);
        String hash = AuditChain.hash(3, null, at, "signoff.signed", "mallory", null, Map.of(), two.hash());
        insert(3, at, "signoff.signed", "mallory", "{}", two.hash(), hash);

        AuditVerification v = verdict();
        assertThat(v.firstBadSeq()).hasValue(4);
        assertThat(v.problem()).contains("predecessor");
    }

    @Test
    void anEventAppendedAfterTheChainHeadIsCaught() throws SQLException {
        AuditEvent six = events.get(5);
        Instant at = T0.plusSeconds(7);
        insert(7, at, "rollout.promoted", "mallory", "{}", six.hash(),
                AuditChain.hash(7, null, at, "rollout.promoted", "mallory", null, Map.of(), six.hash()));

        AuditVerification v = verdict();
        assertThat(v.firstBadSeq()).hasValue(7);
        assertThat(v.problem()).contains("chain head");
    }

    @Test
    void reorderedEventsAreCaughtAtTheFirstMovedOne() throws SQLException {
        attack("UPDATE audit_events SET seq = 100 WHERE seq = 2",
                "UPDATE audit_events SET seq = 2 WHERE seq = 3",
                "UPDATE audit_events SET seq = 3 WHERE seq = 100");
        assertThat(verdict().firstBadSeq()).hasValue(2);
    }

    @Test
    void theAttackNeededTheTriggerGone() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_events SET actor = 'mallory' WHERE seq = 4");
            org.junit.jupiter.api.Assertions.fail("the update went through the trigger");
        } catch (SQLException refused) {
            assertThat(refused.getMessage()).contains("append-only");
        }
    }

    private AuditVerification verdict() {
        try (Store store = Store.open(url)) {
            return store.audit().verify();
        }
    }

    private void attack(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_events_append_only");
            for (String each : sql) {
                s.executeUpdate(each);
            }
        }
    }

    private void insert(long seq, Instant at, String type, String actor, String data, String previous, String hash)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement p = c.prepareStatement("INSERT INTO audit_events (" + StoredEvent.COLUMNS
                     + ") VALUES (?, NULL, ?, ?, ?, NULL, ?, ?, ?, NULL)")) {
            p.setLong(1, seq);
            p.setObject(2, at.atOffset(java.time.ZoneOffset.UTC));
            p.setString(3, type);
            p.setString(4, actor);
            p.setString(5, data);
            p.setString(6, previous);
            p.setString(7, hash);
            p.executeUpdate();
        }
    }
}
