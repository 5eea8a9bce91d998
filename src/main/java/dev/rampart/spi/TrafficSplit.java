package dev.rampart.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much traffic each cohort sends to the new version, in percent of all traffic (0–100), keyed by cohort
 * (stage) name in rollout order. Stages are cumulative: entering {@code beta} at 25 % means a quarter of all
 * traffic runs the new version, the earlier cohorts included, so the new version's share is the largest weight
 * and the rest of the traffic is the stable population. A cohort that is absent or at 0 runs the previous version.
 *
 * @param weights cohort name to percent of all traffic; copied, iteration order kept
 */
public record TrafficSplit(Map<String, Double> weights) {

    /** The cohort name that stands for every cohort: {@code {"*": 100}} is everything on the new version. */
    public static final String EVERYONE = "*";

    public TrafficSplit {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** Everything on the previous version: what a completed rollback looks like. */
    public static TrafficSplit none() {
        return new TrafficSplit(Map.of());
    }

    /** The percent of all traffic on the new version (the largest cohort weight). */
    public double newVersionPercent() {
        return weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The percent of all traffic still on the previous version: the stable (baseline) population. */
    public double stablePercent() {
        return 100 - newVersionPercent();
    }

    /** Everything on the new version: what a promotion looks like. */
    public static TrafficSplit everyone() {
        return new TrafficSplit(Map.of(EVERYONE, 100.0));
    }

    /** The weight of one cohort, 0 when it is not on the new version. */
    public double weight(String cohort) {
        return Math.max(weights.getOrDefault(cohort, 0.0), weights.getOrDefault(EVERYONE, 0.0));
    }

    public boolean onNewVersion(String cohort) {
        return weight(cohort) > 0;
    }

    /**
     * Whether this split and {@code other} route traffic the same way within {@code tolerance} percentage points;
     * cohorts at 0 and absent cohorts are the same thing.
     */
    public boolean sameAs(TrafficSplit other, double tolerance) {
        var names = new java.util.HashSet<>(weights.keySet());
        names.addAll(other.weights.keySet());
        return names.stream().allMatch(n -> Math.abs(weight(n) - other.weight(n)) <= tolerance);
    }
}
