package dev.rampart.format;

import dev.rampart.domain.rule.Metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 004's {@code halt_conditions} as halt rules, as the seed writes them: {@code error_rate: 0.01} is
 * {@code error_rate > 1% for 5m -> pause}, {@code latency_multiplier: 5} is
 * {@code latency_p99 > 5x baseline for 10m -> pause}, {@code lcp_p75_ms: 2500} is
 * {@code lcp_p75 > 2500ms for 15m -> pause}, {@code cls_p95: 0.1} is {@code cls_p95 > 0.1 for 15m -> pause}. The
 * windows are the seed's ("Automatic Halt Rules"), and its action is to pause ("System automatically pauses rollout
 * and alerts #releases"); a metric the seed gives no window for trips at once. In general: a rate is a fraction
 * written as a percentage, {@code <metric>_ms} is milliseconds, {@code <metric>_pct} a percentage and
 * {@code <metric>_multiplier} a multiple of the baseline.
 */
final class HaltConditions {
    static final String EXPECTED = "a metric name (" + String.join(", ", Metrics.ALL)
            + "), or one with _ms, _pct or _multiplier after it";

    /** Seed 004's windows, by the metric the rule reads, with the seed's own words for the note. */
    private static final Map<String, String[]> SEED_WINDOWS = Map.of(
            Metrics.ERROR_RATE, new String[] {"5m", "error rate for 5 minutes"},
            Metrics.ENGINE_TIMEOUT_RATE, new String[] {"5m", "engine timeout rate for 5 minutes"},
            Metrics.LATENCY_P99, new String[] {"10m", "API p99 latency for 10 minutes"},
            Metrics.LCP_P75, new String[] {"15m", "p75 LCP for 15 minutes"},
            Metrics.INP_P75, new String[] {"15m", "p75 INP for 15 minutes"},
            Metrics.CLS_P95, new String[] {"15m", "p95 CLS for 15 minutes"});

    private HaltConditions() {
    }

    /**
     * The rule for one condition with the seed's window and action, noting what was added; empty when the key names
     * no metric Rampart knows.
     */
    static Optional<String> seedRule(String key, BigDecimal value, List<String> notes) {
        Optional<String> bare = rule(key, value);
        if (bare.isEmpty()) {
            return bare;
        }
        String metric = bare.get().substring(0, bare.get().indexOf(' '));
        String[] window = SEED_WINDOWS.get(metric);
        if (window == null) {
            notes.add("halt condition " + key + ": -> pause, no window (seed 004 gives none: it pauses at once)");
            return Optional.of(bare.get() + " -> pause");
        }
        notes.add("halt condition " + key + ": for " + window[0] + " -> pause (seed 004: " + window[1] + " pauses)");
        return Optional.of(bare.get() + " for " + window[0] + " -> pause");
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
