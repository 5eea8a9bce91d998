package dev.rampart.engine;

import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rule.Baseline;
import dev.rampart.spi.MetricSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads, each tick, the metrics the plan's rules need for every cohort on the new version, keeps the baseline,
 * and averages the error rate over the rollout ({@code error_rate_during_rollout}).
 */
final class Metering {
    private final PlanRules rules;
    private final MetricSource source;
    private final Set<String> metricNames;
    private final BaselineTracker baseline;
    private double errorRateSum;
    private int errorRateTicks;

    Metering(PlanRules rules, MetricSource source, EngineSettings settings) {
        this.rules = rules;
        this.source = source;
        this.metricNames = rules.metrics();
        this.baseline = new BaselineTracker(settings.baselineSamples(), settings.sigmaSamples(),
                settings.minSamplesForSigma());
    }

    /** @throws Exception whatever the source throws; the engine notes it and skips evaluation this tick */
    Measurement read(int stageIndex, KillSwitches switches, Instant from, Instant to) throws Exception {
        Set<String> cohorts = new LinkedHashSet<>();
        for (Stage s : rules.plan().stages().subList(0, stageIndex + 1)) {
            if (switches.cohortEnabled(s.name())) {
                cohorts.add(s.name());
            }
        }
        Measurement m = Measurement.read(source, cohorts, metricNames, from, to);
        baseline.add(m.baseline());
        Double e = m.errorRate();
        if (e != null) {
            errorRateSum += e;
            errorRateTicks++;
        }
        return m;
    }

    Baseline baseline() {
        return baseline.baseline();
    }

    /** {@code more} plus {@code error_rate_during_rollout} once anything was measured. */
    Map<String, String> withErrorRate(Map<String, String> more) {
        Map<String, String> d = new LinkedHashMap<>(more);
        if (errorRateTicks > 0) {
            d.put("error_rate_during_rollout", RuleReading.number(errorRateSum / errorRateTicks));
        }
        return d;
    }
}
