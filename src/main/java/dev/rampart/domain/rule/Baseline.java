package dev.rampart.domain.rule;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The stable (non-canary) population measured over the same window: each metric's mean and, for sigma rules,
 * its standard deviation. Percentile metrics are separate names ({@code latency_p95}), so "the baseline's p95"
 * is {@code mean("latency_p95")}.
 */
public record Baseline(Map<String, Double> means, Map<String, Double> stddevs) {
    public Baseline {
        means = Map.copyOf(means);
        stddevs = Map.copyOf(stddevs);
    }

    public OptionalDouble mean(String metric) {
        Double v = means.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public OptionalDouble stddev(String metric) {
        Double v = stddevs.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
