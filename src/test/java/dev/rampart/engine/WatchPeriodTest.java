package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A completed rollout stays watched, and can be rolled back, for the plan's watch period (item 5, seed 002). */
class WatchPeriodTest {
    @Test
    void haltRulesKeepBeingEnforcedAfterCompletion() {
        Scenario late = new Scenario(2, null, null,
                List.of(new ScenarioEvent(Duration.ofHours(30), "100pct", "error_rate", 0.05)));
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")), late);
        assertThat(rig.runTo(Duration.ofHours(4)).state()).isEqualTo(RolloutState.COMPLETED);

        assertThat(rig.runTo(Duration.ofHours(31)).state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.at(rig.events("rollout.halted").get(0))).isEqualTo(Duration.ofHours(30).plusMinutes(5));
        assertThat(rig.fleet.weights().newVersionPercent()).isZero();
    }

    @Test
    void aCompletedRolloutCanBeRolledBackDuringItsWatch() {
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of()), Scenario.quiet(2));
        rig.runTo(Duration.ofHours(4));

        assertThat(rig.engine.rollback("olga", "regression reported by support").state())
                .isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.events("rollout.rolled_back").get(0).data()).containsKey("rollback_time_seconds");
    }
}
