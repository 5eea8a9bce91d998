package dev.rampart.spi;

import java.time.Instant;
import java.util.Set;

/**
 * Per-cohort time series of the metrics halt rules and exit criteria name (a monitoring system, the simulator).
 * Metric names are Rampart's ({@code error_rate}, {@code latency_p99}, {@code lcp_p75}, …, see
 * {@code dev.rampart.domain.rule.Metrics}) plus any a plan defines with its own source query; a source maps them
 * to its own queries.
 *
 * <p>Rampart calls {@link #read} once per tick for every cohort already on the new version, with the window since
 * the previous tick. The baseline is the stable population (traffic on the previous version) over the same window.
 */
public interface MetricSource {

    /**
     * Samples between {@code from} (exclusive) and {@code to} (inclusive).
     *
     * @param cohorts cohort names to measure, each on its own traffic
     * @param metrics metric names wanted; a source may return more, and leaves out those it does not know
     * @return per-cohort samples plus the stable population's samples; never null
     * @throws AdapterException when the source cannot be read: no reading this tick; a metric a rule needs that has no
     *         finite reading for longer than the plan's {@code monitoring.max_gap} pauses the rollout
     */
    MetricWindow read(Set<String> cohorts, Set<String> metrics, Instant from, Instant to) throws AdapterException;
}
