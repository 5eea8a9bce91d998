package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The process dies between an adapter call and its outcome; a new engine settles the intent on start. */
class ReconciliationTest {

    /** Stands for the process dying: nothing after it runs, nothing catches it. */
    static final class Crash extends Error {
    }

    /** Lets the {@code n}th changing call reach the fleet and then "kills the process" (before or after it). */
    static DeploymentAdapter crashingOn(DeploymentAdapter real, int n, boolean afterEffect) {
        return new DeploymentAdapter() {
            private int calls;

            private TrafficSplit maybeCrash(ThrowingCall c) throws AdapterException {
                if (++calls == n) {
                    if (afterEffect) {
                        c.run();
                    }
                    throw new Crash();
                }
                return c.run();
            }

            @Override
            public TrafficSplit applyTraffic(TrafficSplit desired, String key) throws AdapterException {
                return maybeCrash(() -> real.applyTraffic(desired, key));
            }

            @Override
            public TrafficSplit promote(String key) throws AdapterException {
                return maybeCrash(() -> real.promote(key));
            }

            @Override
            public TrafficSplit rollback(String key) throws AdapterException {
                return maybeCrash(() -> real.rollback(key));
            }

            @Override
            public Health health() throws AdapterException {
                return real.health();
            }

            @Override
            public TrafficSplit currentWeights() throws AdapterException {
                return real.currentWeights();
            }
        };
    }

    interface ThrowingCall {
        TrafficSplit run() throws AdapterException;
    }

    private final MemoryRollouts rollouts = new MemoryRollouts();
    private final MemoryIntents intents = new MemoryIntents();

    private Rig crashingRig(int n, boolean afterEffect) {
        return new Rig(Plans.plan(Plans.threeStages(), List.of()), Scenario.quiet(9), rollouts, intents,
                a -> crashingOn(a, n, afterEffect), ApprovalBook.assumedWhenDue());
    }

    private RolloutEngine restart(Rig rig) {
        return RolloutEngine.attach(rig.engine.rules(), rig.engine.rollout().id(), rig.parts);
    }

    @Test
    void anExpansionThatHappenedBeforeTheCrashIsRecordedNotRepeated() {
        Rig rig = crashingRig(2, true);
        assertThatThrownBy(() -> rig.runTo(Duration.ofMinutes(61))).isInstanceOf(Crash.class);
        long id = rig.engine.rollout().id();
        assertThat(rollouts.find(id).orElseThrow().stageIndex()).isZero();
        assertThat(intents.unfinished(id)).hasSize(1);

        RolloutEngine engine = restart(rig);

        assertThat(engine.rollout().stageIndex()).isEqualTo(1);
        assertThat(intents.unfinished(id)).isEmpty();
        assertThat(intents.all(id)).extracting(i -> i.status()).containsExactly(IntentStatus.DONE, IntentStatus.DONE);
        assertThat(rig.events("adapter.reconciled").get(0).data()).containsEntry("in_effect", "true");
        assertThat(rig.events("rollout.expanded")).hasSize(2);
    }

    @Test
    void anExpansionThatDidNotHappenIsAbandonedAndDecidedAgain() {
        Rig rig = crashingRig(2, false);
        assertThatThrownBy(() -> rig.runTo(Duration.ofMinutes(60))).isInstanceOf(Crash.class);
        long id = rig.engine.rollout().id();

        rig.engine = restart(rig);
        assertThat(rig.engine.rollout().stageIndex()).isZero();
        assertThat(intents.all(id).get(1).status()).isEqualTo(IntentStatus.ABANDONED);

        assertThat(rig.runTo(Duration.ofMinutes(61)).stageIndex()).isEqualTo(1);
        assertThat(rig.fleet.weights().newVersionPercent()).isEqualTo(25);
    }

    @Test
    void aRollbackInterruptedByACrashIsFinishedOnRestart() {
        Rig rig = crashingRig(2, true);
        rig.runTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> rig.engine.rollback("olga", "bad")).isInstanceOf(Crash.class);
        long id = rig.engine.rollout().id();
        assertThat(rollouts.find(id).orElseThrow().state()).isEqualTo(RolloutState.ROLLING_BACK);

        RolloutEngine engine = restart(rig);

        assertThat(engine.rollout().state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.events("rollout.rolled_back").get(0).data()).containsEntry("reconciled", "true");
    }

    @Test
    void aRollbackThatNeverReachedTheAdapterIsRetriedByTheNextTick() {
        Rig rig = crashingRig(2, false);
        rig.runTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> rig.engine.rollback("olga", "bad")).isInstanceOf(Crash.class);

        rig.engine = restart(rig);
        assertThat(rig.engine.rollout().state()).isEqualTo(RolloutState.ROLLING_BACK);
        assertThat(rig.runTo(Duration.ofMinutes(11)).state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.fleet.weights().newVersionPercent()).isZero();
    }
}
