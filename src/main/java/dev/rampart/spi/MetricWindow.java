package dev.rampart.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@link MetricSource} measured between {@code from} (exclusive) and {@code to} (inclusive).
 *
 * @param from     start of the window, exclusive
 * @param to       end of the window, inclusive
 * @param cohorts  cohort name → metric name → samples in time order; a metric with no data is absent
 * @param baseline metric name → samples of the stable population (traffic still on the previous version);
 *                 empty when no stable population is left
 */
public record MetricWindow(Instant from, Instant to, Map<String, Map<String, List<Sample>>> cohorts,
                           Map<String, List<Sample>> baseline) {

    public MetricWindow {
        cohorts = Map.copyOf(cohorts);
        baseline = Map.copyOf(baseline);
    }

    /** The samples of one cohort's metric, empty when there are none. */
    public List<Sample> samples(String cohort, String metric) {
        return cohorts.getOrDefault(cohort, Map.of()).getOrDefault(metric, List.of());
    }

    public List<Sample> baselineSamples(String metric) {
        return baseline.getOrDefault(metric, List.of());
    }
}
