package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine on the real store: an H2 file in a temporary folder. */
class EngineOnH2Test {
    @TempDir
    Path folder;
    private Store store;

    private Store open() {
        store = Store.open(DataFolder.jdbcUrl(folder));
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private long storePlan(Store s) {
        return s.plans().add("REL-TEST-01", "checkout", "2.1.0", "olga", "{}", "test").id();
    }

    @Test
    void aHaltIsPersistedWithItsDecisionDataAndTheAuditChainHolds() {
        Store s = open();
        Plan plan = Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m"));
        Rig rig = new Rig(plan, storePlan(s), new Scenario(7, null, null, List.of(
                new ScenarioEvent(Duration.ofMinutes(40), "canary", "error_rate", 0.03))), s.rollouts(), s.intents(),
                a -> a, ApprovalBook.assumedWhenDue());

        assertThat(rig.runTo(Duration.ofMinutes(50)).state()).isEqualTo(RolloutState.ROLLED_BACK);
        AuditEvent halt = rig.events("rollout.halted").get(0);
        assertThat(rig.at(halt)).isEqualTo(Duration.ofMinutes(45));
        assertThat(halt.data()).containsEntry("rule", "error_rate > 1% for 5m").containsEntry("threshold", "0.01")
                .containsEntry("window", "PT5M").containsKey("value");
        assertThat(rig.events("rollout.rolled_back").get(0).data()).containsEntry("rollback_time_seconds", "8")
                .containsKey("error_rate_during_rollout");
        assertThat(s.intents().all(rig.engine.rollout().id())).extracting(i -> i.status())
                .containsOnly(IntentStatus.DONE).hasSize(2);
        assertThat(s.audit().verify().isIntact()).isTrue();
    }

    @Test
    void anExpansionInterruptedByACrashIsReconciledFromTheStoreAfterReopening() {
        Store s = open();
        Plan plan = Plans.plan(Plans.threeStages(), List.of());
        Rig rig = new Rig(plan, storePlan(s), Scenario.quiet(3), s.rollouts(), s.intents(),
                a -> ReconciliationTest.crashingOn(a, 2, true), ApprovalBook.assumedWhenDue());
        assertThatThrownBy(() -> rig.runTo(Duration.ofMinutes(61))).isInstanceOf(ReconciliationTest.Crash.class);
        long id = rig.engine.rollout().id();
        s.close();

        Store reopened = open();
        assertThat(reopened.intents().unfinished(id)).hasSize(1);
        EngineParts parts = new EngineParts(rig.parts.adapter(), rig.parts.metrics(), rig.parts.notifier(),
                reopened.rollouts(), reopened.intents(), rig.parts.approvals(), rig.clock, rig.parts.settings());
        RolloutEngine engine = RolloutEngine.attach(PlanRules.parse(plan), id, parts);

        assertThat(engine.rollout().stageIndex()).isEqualTo(1);
        assertThat(reopened.intents().unfinished(id)).isEmpty();
        assertThat(reopened.rollouts().events(id)).extracting(AuditEvent::type).contains("adapter.reconciled");
    }
}
