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
    private final Map<String, Map<String, NavigableMap<Duration, Double>>> byCohort = new ConcurrentHashMap<>();

    void add(ScenarioEvent event) {
        byCohort.computeIfAbsent(event.cohort(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(event.metric(), m -> new ConcurrentSkipListMap<>())
                .put(event.at(), event.value());
    }

    /** The scripted value in effect at {@code offset}, or null when nothing was scripted by then. */
    Double valueAt(String cohort, String metric, Duration offset) {
        Map<String, NavigableMap<Duration, Double>> metrics = byCohort.get(cohort);
        NavigableMap<Duration, Double> events = metrics == null ? null : metrics.get(metric);
        if (events == null) {
            return null;
        }
        Map.Entry<Duration, Double> e = events.floorEntry(offset);
        return e == null ? null : e.getValue();
    }
}
