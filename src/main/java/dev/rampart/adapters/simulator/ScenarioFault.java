package dev.rampart.adapters.simulator;

import java.time.Duration;

/**
 * From {@code at} until {@code until} (offsets from the rollout's start; {@code until} null: for ever) a part of the
 * simulated world is out: {@code "metrics"} (the metric source answers with an error) or {@code "adapter"} (every
 * adapter call fails).
 */
public record ScenarioFault(Duration at, Duration until, String outage) {
    public static final String METRICS = "metrics";
    public static final String ADAPTER = "adapter";

    public boolean covers(Duration offset, String what) {
        return outage.equals(what) && !offset.minus(at).isNegative() && (until == null || offset.compareTo(until) < 0);
    }
}
