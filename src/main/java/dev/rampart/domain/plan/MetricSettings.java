package dev.rampart.domain.plan;

import java.util.Map;

/** Where metrics come from, and extra metric names defined by their source query. */
public record MetricSettings(String source, Map<String, String> queries, Map<String, Object> settings) {
    public MetricSettings {
        queries = queries == null ? Map.of() : Map.copyOf(queries);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public static MetricSettings simulator() {
        return new MetricSettings("simulator", null, null);
    }
}
