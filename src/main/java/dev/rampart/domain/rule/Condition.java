package dev.rampart.domain.rule;

/**
 * {@code metric op threshold}. {@code metric} is the canonical name (a bare {@code latency} is resolved to
 * {@code latency_p95} or to the percentile its threshold names); {@code written} is what the rule said.
 * {@code column} is 1-based, pointing at the metric in the rule text.
 */
public record Condition(String metric, String written, Comparison op, Threshold threshold, int column) {
}
