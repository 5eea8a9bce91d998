package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Kill switches and the circuit breaker live in the store; every process honours them (item 6). */
class StoredSwitchesTest {

    @Test
    void aCohortSwitchOffInThePlanKeepsThatCohortOffTheNewVersion() {
        List<Stage> stages = List.of(Stage.of("canary", 10, Duration.ofHours(1)),
                new Stage("beta", 25, null, Duration.ofHours(1), null, null, null, null, null, null, false),
                Stage.of("ga", 100, Duration.ofHours(1)));
        Rig rig = new Rig(Plans.plan(stages, List.of()), Scenario.quiet(3));

        rig.runTo(Duration.ofHours(5));

        assertThat(rig.fleet.weights().weight("beta")).isZero();
        assertThat(rig.engine.rollout().stageIndex()).as("waits for canary.cohort.beta.enabled").isZero();
    }

    @Test
    void aSwitchTurnedOffByOneProcessIsHonouredByAnother() {
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of()), Scenario.quiet(3));
        rig.runTo(Duration.ofMinutes(70));
        RolloutEngine cli = RolloutEngine.attach(rig.engine.rules(), rig.engine.rollout().id(), rig.parts);

        cli.setKillSwitch("100pct", false, "sre");
        rig.runTo(Duration.ofHours(4));

        assertThat(rig.engine.rollout().stageIndex()).isEqualTo(1);
        assertThat(rig.fleet.weights().weight("100pct")).isZero();
    }

    @Test
    void theBreakerCountsConsecutiveErrorsAcrossProcessesAndOpensAtExactlyThree() {
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of()), Scenario.quiet(3));
        rig.runTo(Duration.ofMinutes(59));
        RolloutEngine agent = rig.engine;
        RolloutEngine cli = RolloutEngine.attach(agent.rules(), agent.rollout().id(), rig.parts);
        rig.fleet.failNextAdapterCalls(3, "router unreachable");

        rig.clock.advanceTo(rig.start.plus(Duration.ofMinutes(60)));
        agent.tick();
        rig.clock.advanceTo(rig.start.plus(Duration.ofMinutes(61)));
        cli.tick();
        rig.clock.advanceTo(rig.start.plus(Duration.ofMinutes(62)));
        agent.tick();

        assertThat(rig.events("adapter.failed")).hasSize(3);
        assertThat(rig.events("rollout.circuit_opened")).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("consecutive_errors", "3"));
        assertThat(agent.rollout().state()).isEqualTo(RolloutState.ROLLED_BACK);
    }

    static Plan plan() {
        return Plans.plan(Plans.threeStages(), List.of());
    }
}
