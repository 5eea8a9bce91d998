package dev.rampart.engine;

import dev.rampart.spi.AdapterException;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.MetricWindow;
import dev.rampart.spi.Sample;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One tick's reading: each cohort's mean per metric over the window, and the stable population's samples. */
record Measurement(Map<String, Map<String, Double>> cohorts, Map<String, List<Sample>> baseline) {

    static Measurement read(MetricSource source, Set<String> cohorts, Set<String> metrics, Instant from, Instant to)
            throws AdapterException {
        MetricWindow w = source.read(cohorts, metrics, from, to);
        Map<String, Map<String, Double>> means = new HashMap<>();
        for (String cohort : cohorts) {
            Map<String, Double> m = new HashMap<>();
            w.cohorts().getOrDefault(cohort, Map.of()).forEach((metric, samples) -> {
                if (!samples.isEmpty()) {
                    double sum = 0;
                    for (Sample s : samples) {
                        sum += s.value();
                    }
                    m.put(metric, sum / samples.size());
                }
            });
            if (!m.isEmpty()) {
                means.put(cohort, m);
            }
        }
        return new Measurement(means, w.baseline());
    }

    /** The mean error rate over the cohorts measured, or null when none reported it. */
    Double errorRate() {
        return cohorts.values().stream().map(m -> m.get(dev.rampart.domain.rule.Metrics.ERROR_RATE))
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).average().stream().boxed()
                .findFirst().orElse(null);
    }
}
