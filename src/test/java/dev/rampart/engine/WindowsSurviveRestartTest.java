package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Held continuously for N", baselines and sigma history come from the store: a restart resets nothing (item 2). */
class WindowsSurviveRestartTest {

    @Test
    void aBreachHeldAcrossRestartsTripsAtItsWindow() {
        Scenario spike = new Scenario(4, null, null,
                List.of(new ScenarioEvent(Duration.ofMinutes(20), "canary", "error_rate", 0.05)));
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 10m")), spike);

        // a new process every 7 ticks, as an agent restarted every 7 s against a 10 s window
        rig.runTo(Duration.ofHours(4), 7);

        assertThat(rig.engine.rollout().state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.at(rig.events("rollout.halted").get(0))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theSigmaHistorySurvivesRestarts() {
        Scenario spike = new Scenario(4, null, null,
                List.of(new ScenarioEvent(Duration.ofMinutes(45), "canary", "approval_denial_rate", 0.5)));
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("approval_denial_rate > 3sigma")), spike);

        rig.runTo(Duration.ofHours(4), 7);

        assertThat(rig.engine.rollout().state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(rig.at(rig.events("rollout.halted").get(0))).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void anEngineThatAttachedBeforeTheFirstStageWasRecordedKeepsTicking() {
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")), Scenario.quiet(4));
        RolloutEngine early = RolloutEngine.attach(rig.engine.rules(), rig.engine.rollout().id(), rig.parts);
        rig.runTo(Duration.ofMinutes(5));
        assertThat(rig.engine.rollout().stageIndex()).isZero();

        for (int m = 6; m <= 200; m++) {
            rig.clock.advanceTo(rig.start.plus(Duration.ofMinutes(m)));
            early.tick();
        }
        assertThat(early.rollout().state()).isEqualTo(RolloutState.COMPLETED);
        assertThat(rig.events("rollout.expanded")).extracting(e -> rig.at(e)).containsExactly(Duration.ZERO,
                Duration.ofMinutes(60), Duration.ofMinutes(120));
    }
}
