package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.MetricSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Monitoring is a gate: a rule that cannot be evaluated is not a passing rule (issue 10, item 1). */
class MonitoringGateTest {
    private final AtomicBoolean dark = new AtomicBoolean();

    private MetricSource flaky(MetricSource real) {
        return (cohorts, metrics, from, to) -> {
            if (dark.get()) {
                throw new AdapterException("prometheus at 127.0.0.1:9090 did not answer");
            }
            return real.read(cohorts, metrics, from, to);
        };
    }

    @Test
    void aMetricSourceThatGoesDarkPausesTheRolloutAfterMaxGapAndNothingExpands() {
        Rig rig = Rig.withMetrics(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")),
                Scenario.quiet(5), this::flaky);
        rig.runTo(Duration.ofMinutes(10));
        dark.set(true);

        assertThat(rig.runTo(Duration.ofMinutes(15)).state()).as("a gap shorter than max_gap").isEqualTo(
                RolloutState.RUNNING);
        assertThat(rig.runTo(Duration.ofMinutes(16)).state()).isEqualTo(RolloutState.PAUSED);
        AuditEvent paused = rig.events("rollout.paused").get(0);
        assertThat(paused.data()).containsEntry("metric", "error_rate").containsEntry("cohort", "canary");
        assertThat(paused.data().get("reason")).contains("monitoring gap");
        assertThat(rig.events("incident.monitoring_gap")).hasSize(1);

        rig.runTo(Duration.ofHours(4));
        assertThat(rig.engine.rollout().stageIndex()).as("no expansion while dark").isZero();
        dark.set(false);
        assertThat(rig.runTo(Duration.ofHours(5)).state()).as("paused until a person resumes")
                .isEqualTo(RolloutState.PAUSED);
        assertThat(rig.fleet.weights().newVersionPercent()).isEqualTo(10);
    }

    @Test
    void noExpansionWithoutAFreshReadingOfEveryRulesMetric() {
        // dark for two minutes right when the canary's hour is up: shorter than max_gap, so no pause, but no expansion
        Rig rig = Rig.withMetrics(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")),
                Scenario.quiet(5), this::flaky);
        rig.runTo(Duration.ofMinutes(59));
        dark.set(true);
        rig.runTo(Duration.ofMinutes(61));
        assertThat(rig.engine.rollout().stageIndex()).isZero();
        dark.set(false);
        assertThat(rig.runTo(Duration.ofMinutes(62)).stageIndex()).isEqualTo(1);
    }
}
