package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rollback is a durable sequence: traffic back, then each rollback step in order, each confirmed once (item 5). */
class DurableRollbackTest {
    static Plan withSteps() {
        Plan p = Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m"));
        return new Plan(p.schema(), p.changeId(), p.service(), p.version(), p.previousVersion(), p.owner(), null,
                p.stages(), p.haltRules(), null, null, null,
                List.of(new RollbackStep("Re-deploy the previous image", "application", null),
                        new RollbackStep("Downgrade the database", "database", null)),
                null, p.adapter(), p.metrics(), null, null);
    }

    @Test
    void aRollbackRunsEveryStepInOrderAndRecordsItsTime() {
        Rig rig = new Rig(withSteps(), Scenario.quiet(3));
        rig.runTo(Duration.ofMinutes(10));

        assertThat(rig.engine.rollback("olga", "bad canary").state()).isEqualTo(RolloutState.ROLLED_BACK);

        assertThat(rig.events("rollback.step")).extracting(e -> e.data().get("name"), e -> e.data().get("kind"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Traffic back to the previous version", "traffic"),
                        org.assertj.core.groups.Tuple.tuple("Re-deploy the previous image", "application"),
                        org.assertj.core.groups.Tuple.tuple("Downgrade the database", "database"));
        List<String> types = rig.events().stream().map(AuditEvent::type).toList();
        assertThat(types.indexOf("rollout.rolled_back")).isGreaterThan(types.lastIndexOf("rollback.step"));
        assertThat(rig.events("rollout.rolled_back").get(0).data()).containsKey("rollback_time_seconds");
    }

    /** The process dies right after the deployment system performed the first rollback step of kind {@code kind}. */
    static DelegatingAdapter crashAfterStep(dev.rampart.spi.DeploymentAdapter real, String kind) {
        return new DelegatingAdapter(real) {
            private boolean crashed;

            @Override
            public void rollbackStep(RollbackStep step, String key) throws dev.rampart.spi.AdapterException {
                inner.rollbackStep(step, key);
                if (!crashed && kind.equals(step.kind())) {
                    crashed = true;
                    throw new ReconciliationTest.Crash();
                }
            }
        };
    }

    @Test
    void aCrashBetweenTheApplicationRollbackAndTheDowngradeResumesAtTheDowngradeAndRunsEachOnce() {
        Rig rig = new Rig(withSteps(), 1, Scenario.quiet(3), new MemoryRollouts(), new MemoryIntents(),
                a -> crashAfterStep(a, "application"), ApprovalBook.assumedWhenDue(), EngineSettings.defaults());
        rig.runTo(Duration.ofMinutes(10));
        try {
            rig.engine.rollback("olga", "bad canary");
        } catch (ReconciliationTest.Crash expected) {
            // the application is back on 2.0.4; the downgrade has not run
        }
        assertThat(rig.engine.rollout().state()).isEqualTo(RolloutState.ROLLING_BACK);

        rig.restart();
        Rollout r = rig.runTo(Duration.ofMinutes(12));

        assertThat(r.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.fleet.performedSteps()).containsExactly("application: Re-deploy the previous image",
                "database: Downgrade the database");
        assertThat(rig.events("rollback.step")).extracting(e -> e.data().get("index")).containsExactly("0", "1", "2");
        assertThat(rig.events("rollout.rolled_back").get(0).data()).containsKey("rollback_time_seconds");
    }

    @Test
    void aStoreThatRefusesWritesNeverStopsTheRollback() {
        FlakyRollouts store = new FlakyRollouts(new MemoryRollouts());
        Rig rig = new Rig(withSteps(), 1, Scenario.quiet(3), store, new MemoryIntents(), a -> a,
                ApprovalBook.assumedWhenDue(), EngineSettings.defaults());
        rig.runTo(Duration.ofMinutes(10));
        store.refuse = true;

        rig.engine.rollback("olga", "bad canary");

        assertThat(rig.fleet.weights().newVersionPercent()).as("traffic is back regardless").isZero();
        assertThat(rig.fleet.performedSteps()).hasSize(2);
        store.refuse = false;
        assertThat(rig.runTo(Duration.ofMinutes(11)).state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.events("rollout.rolling_back")).hasSize(1);
        assertThat(rig.events("rollback.step")).hasSize(3);
        assertThat(rig.events("rollout.rolled_back").get(0).data()).containsKey("rollback_time_seconds");
        assertThat(rig.fleet.performedSteps()).as("nothing ran twice").hasSize(2);
    }

    @Test
    void aRollbackFinishedWhileReconcilingStillRecordsItsTime() {
        MemoryRollouts rollouts = new MemoryRollouts();
        MemoryIntents intents = new MemoryIntents();
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of()), Scenario.quiet(9), rollouts, intents,
                a -> ReconciliationTest.crashingOn(a, 2, true), ApprovalBook.assumedWhenDue());
        rig.runTo(Duration.ofMinutes(10));
        try {
            rig.engine.rollback("olga", "bad");
        } catch (ReconciliationTest.Crash expected) {
            // the process died after the adapter moved traffic back
        }
        RolloutEngine engine = rig.restart();

        assertThat(engine.rollout().state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.events("rollout.rolled_back").get(0).data()).containsKey("rollback_time_seconds");
    }
}
