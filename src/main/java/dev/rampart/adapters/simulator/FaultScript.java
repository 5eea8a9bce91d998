package dev.rampart.adapters.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The scripted values per cohort and metric, by offset from the rollout's start. Safe to add to while the
 * simulation runs (the console injects faults live).
 */
final class FaultScript {
    private final Map<String, NavigableMap<Duration, Double>> byCohortAndMetric = new ConcurrentHashMap<>();

    void add(ScenarioEvent event) {
        byCohortAndMetric.computeIfAbsent(key(event.cohort(), event.metric()), k -> new ConcurrentSkipListMap<>())
                .put(event.at(), event.value());
    }

    /** The scripted value in effect at {@code offset}, or null when nothing was scripted by then. */
    Double valueAt(String cohort, String metric, Duration offset) {
        NavigableMap<Duration, Double> events = byCohortAndMetric.get(key(cohort, metric));
        if (events == null) {
            return null;
        }
        Map.Entry<Duration, Double> e = events.floorEntry(offset);
        return e == null ? null : e.getValue();
    }

    private static String key(String cohort, String metric) {
        return cohort + '\u0000' + metric;
    }
}
