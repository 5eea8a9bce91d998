package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Circuit breaker and kill switches (seed 004). */
class SafetyTest {
    private final Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")),
            Scenario.quiet(5));

    @Test
    void threeConsecutiveAdapterErrorsTripTheKillSwitchAndRollBack() {
        rig.runTo(Duration.ofMinutes(59));
        rig.fleet.failNextAdapterCalls(3, "router unreachable");

        assertThat(rig.runTo(Duration.ofMinutes(61)).state()).isIn(RolloutState.RUNNING);
        assertThat(rig.runTo(Duration.ofMinutes(62)).state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.events("adapter.failed")).hasSize(3);
        assertThat(rig.events("rollout.circuit_opened").get(0).data()).containsEntry("consecutive_errors", "3");
        assertThat(rig.engine.killSwitches().globalEnabled()).isFalse();
        assertThat(rig.intents.all(rig.engine.rollout().id()))
                .extracting(i -> i.status().wireName()).containsSubsequence("failed", "failed", "failed", "done");
    }

    @Test
    void aRollbackThatKeepsFailingEndsAsAnIncident() {
        rig.runTo(Duration.ofMinutes(10));
        rig.fleet.failNextAdapterCalls(10, "deploy API down");
        rig.engine.rollback("olga", "bad");
        var r = rig.runTo(Duration.ofMinutes(12));

        assertThat(r.state()).isEqualTo(RolloutState.ROLLBACK_FAILED);
        assertThat(rig.events("rollout.rollback_failed").get(0).data()).containsEntry("incident", "true");
        assertThat(rig.notices).anyMatch(n -> n.event().equals("rollout.rollback_failed"));

        rig.fleet.failNextAdapterCalls(0, "");
        assertThat(rig.engine.rollback("olga", "deploy API is back").state()).isEqualTo(RolloutState.ROLLED_BACK);
    }

    @Test
    void theGlobalKillSwitchRollsBack() {
        rig.runTo(Duration.ofMinutes(90));
        var r = rig.engine.setKillSwitch(null, false, "sre");

        assertThat(r.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.events("killswitch.changed").get(0).data()).containsEntry("switch", "system.canary.enabled")
                .containsEntry("enabled", "false");
    }

    @Test
    void aCohortKillSwitchTakesThatCohortOffTheNewVersionAndPauses() {
        rig.runTo(Duration.ofMinutes(90));
        var r = rig.engine.setKillSwitch("25pct", false, "sre");

        assertThat(r.state()).isEqualTo(RolloutState.PAUSED);
        assertThat(rig.fleet.weights().weight("25pct")).isZero();
        assertThat(rig.fleet.weights().weight("canary")).isEqualTo(10);
        assertThat(rig.events("rollout.narrowed")).hasSize(1);

        rig.engine.setKillSwitch("25pct", true, "sre");
        rig.engine.resume("sre");
        assertThat(rig.fleet.weights().weight("25pct")).isEqualTo(25);
        assertThat(rig.runTo(Duration.ofHours(4)).state()).isEqualTo(RolloutState.COMPLETED);
    }
}
