package dev.rampart.format;

import dev.rampart.domain.rule.Metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Seed 004's {@code halt_conditions} as halt rules: {@code error_rate: 0.01} is {@code error_rate > 1%},
 * {@code latency_multiplier: 5} is {@code latency_p99 > 5x baseline}, {@code lcp_p75_ms: 2500} is
 * {@code lcp_p75 > 2500ms}, {@code cls_p95: 0.1} is {@code cls_p95 > 0.1}. In general: a rate is a fraction
 * written as a percentage, {@code <metric>_ms} is milliseconds, {@code <metric>_pct} a percentage and
 * {@code <metric>_multiplier} a multiple of the baseline.
 */
final class HaltConditions {
    static final String EXPECTED = "a metric name (" + String.join(", ", Metrics.ALL)
            + "), or one with _ms, _pct or _multiplier after it";

    private HaltConditions() {
    }

    /** The rule for one condition, or empty when the key names no metric Rampart knows. */
    static Optional<String> rule(String key, BigDecimal value) {
        String v = Nodes.number(value);
        if (key.equals("latency_multiplier")) {
            // seed 004: "API p99 latency > 5x baseline"
            return Optional.of(Metrics.LATENCY_P99 + " > " + v + "x baseline");
        }
        if (key.endsWith("_multiplier")) {
            return metric(key, "_multiplier").map(m -> m + " > " + v + "x baseline");
        }
        if (key.endsWith("_ms")) {
            return metric(key, "_ms").map(m -> m + " > " + v + "ms");
        }
        if (key.endsWith("_pct")) {
            return metric(key, "_pct").map(m -> m + " > " + v + "%");
        }
        if (Metrics.FRACTIONS.contains(key)) {
            return Optional.of(key + " > " + Nodes.number(value.movePointRight(2)) + "%");
        }
        if (Metrics.MILLISECONDS.contains(key)) {
            return Optional.of(key + " > " + v + "ms");
        }
        if (Metrics.isBuiltIn(key)) {
            return Optional.of(key + " > " + v);
        }
        return Optional.empty();
    }

    private static Optional<String> metric(String key, String suffix) {
        String metric = key.substring(0, key.length() - suffix.length());
        return Metrics.isBuiltIn(metric) || metric.equals("latency") ? Optional.of(metric) : Optional.empty();
    }
}
