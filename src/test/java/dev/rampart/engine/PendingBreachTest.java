package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No stage is left while a breach is in progress, even before it has lasted its window (item 4). */
class PendingBreachTest {
    @Test
    void aBreachThatHasNotYetLastedItsWindowHoldsTheStage() {
        Scenario spike = new Scenario(2, null, null,
                List.of(new ScenarioEvent(Duration.ofMinutes(55), "canary", "error_rate", 0.05)));
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 10m")), spike);

        rig.runTo(Duration.ofMinutes(64));
        assertThat(rig.engine.rollout().stageIndex()).as("canary's hour is up, but a breach is pending").isZero();
        assertThat(rig.fleet.weights().newVersionPercent()).isEqualTo(10);
        assertThat(rig.runTo(Duration.ofMinutes(65)).state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.events("rollout.expanded")).hasSize(1);
    }

    @Test
    void anAlertRuleHoldsTheStageUntilItHasToldPeople() {
        Scenario spike = new Scenario(2, null, null,
                List.of(new ScenarioEvent(Duration.ofMinutes(55), "canary", "cpu", 0.95)));
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("cpu > 80% for 10m -> alert")), spike);

        rig.runTo(Duration.ofMinutes(64));
        assertThat(rig.engine.rollout().stageIndex()).isZero();
        rig.runTo(Duration.ofMinutes(65));
        assertThat(rig.events("rollout.alerted")).singleElement().satisfies(e -> assertThat(rig.at(e))
                .isEqualTo(Duration.ofMinutes(65)));
        assertThat(rig.engine.rollout().stageIndex()).as("told; the rule's author chose to go on").isEqualTo(1);
    }
}
