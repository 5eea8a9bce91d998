package dev.rampart.store;

import dev.rampart.domain.repo.ConcurrentChangeException;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository contract, run against H2 and (when configured) PostgreSQL. */
abstract class StoreContractTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    protected Store store;

    /** A fresh, empty store. */
    protected abstract Store openStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    /** SQL that removes the append-only guard of audit_events, as someone with admin rights on the database could. */
    protected abstract List<String> bypassAppendOnly();

    /** Writes to the database behind the store's back, as a tamperer would: first removing the append-only guard. */
    protected void tamper(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement s = c.createStatement()) {
            for (String bypass : bypassAppendOnly()) {
                s.execute(bypass);
            }
            s.executeUpdate(sql);
        }
    }

    @Test
    void theAppsConnectionCannotUpdateOrDeleteAuditRows() {
        appendFive();
        for (String sql : List.of("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2",
                "DELETE FROM audit_events WHERE seq = 5", "DELETE FROM audit_events")) {
            assertThatThrownBy(() -> tryThroughTheApp(sql)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(store.audit().verify()).isEqualTo(AuditVerification.intact(5));
    }

    /** Runs {@code sql} on a connection opened exactly as the store opens its own (same URL, same user). */
    private void tryThroughTheApp(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    // ---- plans

    @Test
    void addedPlanCanBeFoundWithItsHash() throws Exception {
        String json = "{\"schema\":\"rampart/plan/v1\",\"change_id\":\"REL-1\",\"note\":\"naïve\"}";
        StoredPlan added = store.plans().add("REL-1", "checkout", "2.1.0", "ada", json, "plan.json");

        assertThat(added.id()).isPositive();
        assertThat(added.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8))));
        assertThat(store.plans().find(added.id())).contains(added);
        assertThat(store.plans().find(added.id() + 1000)).isEmpty();
    }

    @Test
    void findByChangeIdReturnsTheLatestImport() {
        store.plans().add("REL-1", "checkout", "2.1.0", "ada", "{\"v\":1}", "a.json");
        StoredPlan second = store.plans().add("REL-1", "checkout", "2.1.1", "ada", "{\"v\":2}", "b.json");
        store.plans().add("REL-2", "billing", "1.0.0", null, "{}", null);

        assertThat(store.plans().findByChangeId("REL-1")).contains(second);
        assertThat(store.plans().findByChangeId("REL-404")).isEmpty();
    }

    @Test
    void plansAreListedNewestFirst() {
        StoredPlan a = store.plans().add("A", null, null, null, "{}", null);
        StoredPlan b = store.plans().add("B", "s", "1", "o", "{}", "b.json");
        StoredPlan c = store.plans().add("C", "s", "1", "o", "{}", "c.json");

        assertThat(store.plans().list()).containsExactly(c, b, a);
    }

    // ---- rollouts

    @Test
    void createStoresTheRolloutAndItsEventTogether() {
        long planId = plan();
        Rollout rollout = store.rollouts().create(planId, RolloutState.SCHEDULED, "ada",
                event("rollout.scheduled", T0, Map.of("start", "2026-12-01T09:00")));

        assertThat(rollout.version()).isEqualTo(1);
        assertThat(rollout.stageIndex()).isEqualTo(-1);
        assertThat(rollout.createdAt()).isEqualTo(T0);
        assertThat(store.rollouts().find(rollout.id())).contains(rollout);
        List<AuditEvent> events = store.rollouts().events(rollout.id());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.rolloutId()).isEqualTo(rollout.id());
            assertThat(e.type()).isEqualTo("rollout.scheduled");
            assertThat(e.data()).containsEntry("start", "2026-12-01T09:00");
        });
    }

    @Test
    void updateSavesTheChangeAndItsEventsAndBumpsTheVersion() {
        Rollout created = store.rollouts().create(plan(), RolloutState.SCHEDULED, "ada", event("rollout.scheduled", T0));
        Instant later = T0.plusSeconds(60);

        Rollout running = store.rollouts().update(created.withState(RolloutState.RUNNING, 0, later),
                List.of(event("rollout.started", later), event("rollout.expanded", later, Map.of("traffic", "0.5"))));

        assertThat(running.version()).isEqualTo(2);
        assertThat(running.state()).isEqualTo(RolloutState.RUNNING);
        assertThat(running.stageIndex()).isZero();
        assertThat(running.updatedAt()).isEqualTo(later);
        assertThat(running.createdAt()).isEqualTo(T0);
        assertThat(store.rollouts().find(created.id())).contains(running);
        assertThat(store.rollouts().events(created.id())).extracting(AuditEvent::type)
                .containsExactly("rollout.scheduled", "rollout.started", "rollout.expanded");
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsWritten() {
        Rollout created = store.rollouts().create(plan(), RolloutState.SCHEDULED, "ada", event("rollout.scheduled", T0));
        Rollout mine = created.withState(RolloutState.RUNNING, 0, T0.plusSeconds(1));
        Rollout theirs = store.rollouts().update(created.withState(RolloutState.PAUSED, -1, T0.plusSeconds(2)),
                List.of(event("rollout.paused", T0.plusSeconds(2))));
        long eventsBefore = store.audit().count();

        assertThatThrownBy(() -> store.rollouts().update(mine, List.of(event("rollout.started", T0.plusSeconds(1)))))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("Rollout " + created.id());

        assertThat(store.rollouts().find(created.id())).contains(theirs);
        assertThat(store.audit().count()).isEqualTo(eventsBefore);
        assertThat(store.audit().verify().isIntact()).isTrue();
    }

    @Test
    void aFailingEventUndoesTheRolloutChange() {
        long plan = plan();
        long before = store.audit().count();
        Rollout created = store.rollouts().create(plan, RolloutState.SCHEDULED, "ada", event("rollout.scheduled", T0));
        NewEvent unnamed = new NewEvent(null, T0.plusSeconds(1), " ", "ada", null, Map.of());

        assertThatThrownBy(() -> store.rollouts().update(created.withState(RolloutState.RUNNING, 0, T0.plusSeconds(1)),
                List.of(event("rollout.started", T0.plusSeconds(1)), unnamed)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.rollouts().find(created.id())).contains(created);
        assertThat(store.audit().count()).isEqualTo(before + 1);
    }

    @Test
    void aRolloutOfAMissingPlanIsRefusedWithoutAnEvent() {
        assertThatThrownBy(() -> store.rollouts().create(999_999, RolloutState.DRAFT, "ada", event("rollout.created", T0)))
                .isInstanceOf(StoreException.class);
        assertThat(store.audit().count()).isZero();
        assertThat(store.rollouts().list()).isEmpty();
    }

    @Test
    void rolloutsAreListedNewestFirst() {
        long planId = plan();
        Rollout a = store.rollouts().create(planId, RolloutState.DRAFT, "ada", event("rollout.created", T0));
        Rollout b = store.rollouts().create(planId, RolloutState.DRAFT, "bo", event("rollout.created", T0));

        assertThat(store.rollouts().list()).containsExactly(b, a);
    }

    // ---- audit

    @Test
    void appendsFormAChainFromTheGenesisHash() {
        AuditEvent first = store.audit().append(event("store.opened", T0));
        AuditEvent second = store.audit().append(event("adapter.called", T0.plusMillis(5), Map.of("k", "v")));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo(AuditChain.hashOf(second));
        assertThat(store.audit().read(0, 10)).containsExactly(first, second);
        assertThat(store.audit().count()).isEqualTo(2);
    }

    @Test
    void readPagesInSequenceOrder() {
        for (int i = 0; i < 7; i++) {
            store.audit().append(event("tick", T0.plusSeconds(i)));
        }
        assertThat(store.audit().read(2, 3)).extracting(AuditEvent::seq).containsExactly(3L, 4L, 5L);
        assertThat(store.audit().read(6, 100)).extracting(AuditEvent::seq).containsExactly(7L);
        assertThat(store.audit().read(7, 100)).isEmpty();
    }

    @Test
    void timestampsComeBackAtMillisecondPrecision() {
        Instant precise = Instant.parse("2026-12-01T09:00:00.123456789Z");
        AuditEvent stored = store.audit().append(event("tick", precise));

        Instant millis = Instant.parse("2026-12-01T09:00:00.123Z");
        assertThat(stored.at()).isEqualTo(millis);
        assertThat(store.audit().read(0, 1)).singleElement().isEqualTo(stored);
        assertThat(store.audit().verify().isIntact()).isTrue();
    }

    @Test
    void anUntouchedLogVerifies() {
        assertThat(store.audit().verify()).isEqualTo(AuditVerification.intact(0));
        appendFive();
        assertThat(store.audit().verify()).isEqualTo(AuditVerification.intact(5));
    }

    @Test
    void editingAnEventIsDetectedAtThatEvent() throws SQLException {
        appendFive();
        tamper("UPDATE audit_events SET data = '{\"reason\":\"forged\"}' WHERE seq = 3");

        AuditVerification verdict = store.audit().verify();
        assertThat(verdict.firstBadSeq()).hasValue(3);
        assertThat(verdict.problem()).contains("edited");
        assertThat(verdict.checked()).isEqualTo(2);
    }

    @Test
    void editingAnEventAndItsHashIsDetectedAtTheNextLink() throws SQLException {
        appendFive();
        AuditEvent third = store.audit().read(2, 1).get(0);
        String forgedHash = AuditChain.hash(3, null, third.at(), third.type(), "mallory", third.stage(), third.data(),
                third.previousHash(), third.login());
        tamper("UPDATE audit_events SET actor = 'mallory', hash = '" + forgedHash + "' WHERE seq = 3");

        assertThat(store.audit().verify().firstBadSeq()).hasValue(4);
    }

    @Test
    void deletingAnEventIsDetected() throws SQLException {
        appendFive();
        tamper("DELETE FROM audit_events WHERE seq = 2");

        AuditVerification verdict = store.audit().verify();
        assertThat(verdict.firstBadSeq()).hasValue(2);
        assertThat(verdict.problem()).contains("missing");
    }

    @Test
    void deletingTheLastEventsIsDetected() throws SQLException {
        appendFive();
        tamper("DELETE FROM audit_events WHERE seq >= 4");

        assertThat(store.audit().verify().firstBadSeq()).hasValue(4);
    }

    @Test
    void unreadableDataIsReportedNotThrown() throws SQLException {
        appendFive();
        tamper("UPDATE audit_events SET data = 'not json' WHERE seq = 5");

        assertThat(store.audit().verify().firstBadSeq()).hasValue(5);
        assertThatThrownBy(() -> store.audit().read(0, 10)).isInstanceOf(StoreException.class)
                .hasMessageContaining("Audit event 5");
    }

    @Test
    void appendsFromManyThreadsFormOneChain() throws Exception {
        int threads = 4;
        int each = 25;
        List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String actor = "worker-" + t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    store.audit().append(new NewEvent(null, T0, "tick", actor, null, Map.of("i", "" + i)));
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(store.audit().verify()).isEqualTo(AuditVerification.intact(threads * each));
    }

    // ---- helpers

    protected long plan() {
        return store.plans().add("REL-" + System.nanoTime(), "checkout", "2.1.0", "ada", "{}", "plan.json").id();
    }

    protected void appendFive() {
        for (int i = 1; i <= 5; i++) {
            store.audit().append(event("tick", T0.plusSeconds(i), Map.of("i", Integer.toString(i))));
        }
    }

    static NewEvent event(String type, Instant at) {
        return event(type, at, Map.of());
    }

    static NewEvent event(String type, Instant at, Map<String, String> data) {
        return new NewEvent(null, at, type, "ada", "canary", data);
    }

    @Test
    void readingsComeBackAsTheyWereJudgedInfinitiesAndNoReadingIncluded() {
        Rollout r = store.rollouts().create(plan(), RolloutState.RUNNING, "ada", event("rollout.started", T0));
        Instant t1 = T0.plusSeconds(60);
        Instant t2 = T0.plusSeconds(120);
        store.rollouts().recordReadings(r.id(), List.of(
                new dev.rampart.domain.rollout.Reading(r.id(), t1, null, "error_rate", 0.002),
                new dev.rampart.domain.rollout.Reading(r.id(), t1, "canary", "error_rate", 0.004),
                new dev.rampart.domain.rollout.Reading(r.id(), t1, "canary", "latency_p99", Double.POSITIVE_INFINITY)));
        store.rollouts().recordReadings(r.id(), List.of(
                new dev.rampart.domain.rollout.Reading(r.id(), t2, null, "error_rate", 0.003),
                new dev.rampart.domain.rollout.Reading(r.id(), t2, "canary", "error_rate", Double.NaN),
                new dev.rampart.domain.rollout.Reading(r.id(), t2, "canary", "latency_p99", Double.NEGATIVE_INFINITY)));

        assertThat(store.rollouts().readings(r.id(), t1)).extracting(dev.rampart.domain.rollout.Reading::value)
                .containsExactly(0.002, 0.004, Double.POSITIVE_INFINITY, 0.003, Double.NaN, Double.NEGATIVE_INFINITY);
        assertThat(store.rollouts().readings(r.id(), t2)).hasSize(3).allSatisfy(x -> assertThat(x.at()).isEqualTo(t2));
        assertThat(store.rollouts().readings(r.id(), t1).get(0).cohort()).as("the stable population").isNull();
        assertThat(store.rollouts().latestReadings(r.id(), null, "error_rate", 5))
                .extracting(dev.rampart.domain.rollout.Reading::value).containsExactly(0.003, 0.002);
        assertThat(store.rollouts().latestReadings(r.id(), "canary", "error_rate", 1)).singleElement()
                .satisfies(x -> assertThat(x.present()).isFalse());
        assertThat(store.rollouts().lastReadingAt(r.id())).contains(t2);
        assertThat(store.rollouts().events(r.id(), 0)).extracting(AuditEvent::type).containsExactly("rollout.started");
    }
}
