package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManualControlsTest {
    private final Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")),
            Scenario.quiet(3));

    @Test
    void aPausedRolloutHoldsItsStageUntilResumed() {
        rig.runTo(Duration.ofMinutes(30));
        assertThat(rig.engine.pause("olga", "waiting for support").state()).isEqualTo(RolloutState.PAUSED);

        assertThat(rig.runTo(Duration.ofHours(3)).stageIndex()).isZero();
        rig.engine.resume("olga");
        assertThat(rig.runTo(Duration.ofHours(3).plusMinutes(1)).stageIndex()).isEqualTo(1);
        assertThat(rig.events("rollout.paused").get(0).data()).containsEntry("reason", "waiting for support");
        assertThat(rig.events("rollout.resumed")).hasSize(1);
    }

    @Test
    void haltRulesKeepWatchingWhilePaused() {
        rig.runTo(Duration.ofMinutes(10));
        rig.engine.pause("olga", "coffee");
        rig.fleet.inject(new ScenarioEvent(Duration.ofMinutes(20), "canary", "error_rate", 0.05));

        assertThat(rig.runTo(Duration.ofMinutes(30)).state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.at(rig.events("rollout.halted").get(0))).isEqualTo(Duration.ofMinutes(25));
    }

    @Test
    void resumingRearmsRulesSoAStillBreachedRuleMustHoldItsWholeWindowAgain() {
        Rig r = new Rig(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m -> pause")),
                new Scenario(3, null, null, List.of(new ScenarioEvent(Duration.ofMinutes(10), "canary",
                        "error_rate", 0.05))));
        assertThat(r.runTo(Duration.ofMinutes(20)).state()).isEqualTo(RolloutState.PAUSED);
        r.engine.resume("olga");
        r.runTo(Duration.ofMinutes(30));

        assertThat(r.events("rollout.halted")).extracting(r::at)
                .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(26));
    }

    @Test
    void promoteForceNeedsAReasonAndIsFlaggedForReview() {
        rig.runTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> rig.engine.promote("olga", " ", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rig.engine.promote("olga", "hotfix", false)).isInstanceOf(IllegalStateException.class);

        assertThat(rig.engine.promote("olga", "security hotfix must reach everyone", true).state())
                .isEqualTo(RolloutState.COMPLETED);
        assertThat(rig.events("rollout.promoted").get(0).data()).containsEntry("forced", "true")
                .containsEntry("review", "required").containsEntry("reason", "security hotfix must reach everyone")
                .containsEntry("from_stage", "canary");
        assertThat(rig.events("rollout.promoted").get(0).actor()).isEqualTo("olga");
        assertThat(rig.fleet.weights().newVersionPercent()).isEqualTo(100);
    }

    @Test
    void theBigRedButtonRollsBackAndMeasuresTheTime() {
        rig.runTo(Duration.ofMinutes(70));
        var r = rig.engine.rollback("olga", "support tickets");

        assertThat(r.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.events("rollout.rolled_back").get(0).data()).containsEntry("rollback_time_seconds", "8")
                .containsEntry("reason", "manual: support tickets").containsKey("error_rate_during_rollout");
        assertThat(rig.fleet.weights().newVersionPercent()).isZero();
        assertThatThrownBy(() -> rig.engine.resume("olga")).isInstanceOf(IllegalStateException.class);
    }
}
