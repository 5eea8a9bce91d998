package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.RolloutState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** +Inf is a breach of a ">" rule, -Inf of a "<" rule, NaN is no reading (item 3). */
class NonFiniteValuesTest {

    private static Scenario at20m(String metric, double value) {
        return new Scenario(6, null, null, List.of(new ScenarioEvent(Duration.ofMinutes(20), "canary", metric, value)));
    }

    @Test
    void plusInfinityBreachesAGreaterThanRuleAndIsRecorded() {
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("latency_p99 > 2000ms for 2m")),
                at20m("latency_p99", Double.POSITIVE_INFINITY));

        assertThat(rig.runTo(Duration.ofHours(4)).state()).isEqualTo(RolloutState.ROLLED_BACK);
        AuditEvent halted = rig.events("rollout.halted").get(0);
        assertThat(rig.at(halted)).isEqualTo(Duration.ofMinutes(22));
        assertThat(halted.data()).containsEntry("value", "+Inf").containsEntry("threshold", "2000");
    }

    @Test
    void aPauseRuleTrippedByInfinityTripsAgainAfterResume() {
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("latency_p99 > 2000ms for 2m -> pause")),
                at20m("latency_p99", Double.POSITIVE_INFINITY));
        assertThat(rig.runTo(Duration.ofMinutes(25)).state()).isEqualTo(RolloutState.PAUSED);
        rig.engine.resume("olga");
        assertThat(rig.runTo(Duration.ofMinutes(30)).state()).isEqualTo(RolloutState.PAUSED);
        assertThat(rig.events("rollout.halted")).hasSize(2);
    }

    @Test
    void notANumberIsNoReadingAndPausesAfterMaxGap() {
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")),
                at20m("error_rate", Double.NaN));

        assertThat(rig.runTo(Duration.ofHours(4)).state()).isEqualTo(RolloutState.PAUSED);
        AuditEvent paused = rig.events("rollout.paused").get(0);
        assertThat(rig.at(paused)).as("the last finite reading was at 19 min").isEqualTo(Duration.ofMinutes(25));
        assertThat(paused.data()).containsEntry("metric", "error_rate").containsEntry("cohort", "canary");
        assertThat(rig.engine.rollout().stageIndex()).isZero();
    }
}
