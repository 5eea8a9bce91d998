package dev.rampart.adapters.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.domain.rule.Metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulated service does during a dry run (product.md, "Dry run on virtual time"):
 * <pre>{"seed": 7, "baseline": {"error_rate": 0.002}, "tick": "PT1M",
 *  "events": [{"at": "PT40M", "cohort": "canary", "metric": "error_rate", "value": 0.03}]}</pre>
 * Metrics the baseline does not name keep the simulator's {@link #DEFAULT_BASELINE}.
 */
public record Scenario(long seed, Map<String, Double> baseline, Duration tick, List<ScenarioEvent> events) {

    /** The cohort name that scripts the stable population (traffic still on the previous version). */
    public static final String STABLE = "stable";

    /** A healthy service: what every metric is when neither the baseline nor an event says otherwise. */
    public static final Map<String, Double> DEFAULT_BASELINE = Map.ofEntries(
            Map.entry(Metrics.ERROR_RATE, 0.002), Map.entry(Metrics.FAILED_TRANSACTIONS, 0.0005),
            Map.entry(Metrics.ENGINE_TIMEOUT_RATE, 0.001), Map.entry(Metrics.APPROVAL_DENIAL_RATE, 0.02),
            Map.entry(Metrics.LATENCY_P50, 120.0), Map.entry(Metrics.LATENCY_P75, 180.0),
            Map.entry(Metrics.LATENCY_P95, 300.0), Map.entry(Metrics.LATENCY_P99, 600.0),
            Map.entry(Metrics.LCP_P75, 1800.0), Map.entry(Metrics.INP_P75, 120.0), Map.entry(Metrics.CLS_P95, 0.05),
            Map.entry(Metrics.CPU, 0.45), Map.entry(Metrics.MEMORY, 0.55));

    public Scenario {
        Map<String, Double> merged = new HashMap<>(DEFAULT_BASELINE);
        if (baseline != null) {
            merged.putAll(baseline);
        }
        baseline = Map.copyOf(merged);
        tick = tick == null ? Duration.ofMinutes(1) : tick;
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive: " + tick);
        }
        events = events == null ? List.of()
                : events.stream().sorted(Comparator.comparing(ScenarioEvent::at)).toList();
    }

    /** A quiet service: default baseline, no events, one-minute ticks. */
    public static Scenario quiet(long seed) {
        return new Scenario(seed, null, null, null);
    }

    public static Scenario read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public static Scenario parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a scenario is a JSON object");
        }
        Map<String, Double> baseline = new HashMap<>();
        root.path("baseline").fields().forEachRemaining(e -> baseline.put(e.getKey(), number(e.getValue(),
                "baseline." + e.getKey())));
        List<ScenarioEvent> events = new ArrayList<>();
        JsonNode list = root.path("events");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = "events[" + i + "]";
            events.add(new ScenarioEvent(duration(e.path("at"), where + ".at"), text(e.path("cohort"), where
                    + ".cohort"), text(e.path("metric"), where + ".metric"), number(e.path("value"), where + ".value")));
        }
        long seed = root.path("seed").asLong(0);
        Duration tick = root.has("tick") ? duration(root.get("tick"), "tick") : null;
        return new Scenario(seed, baseline, tick, events);
    }

    private static double number(JsonNode n, String where) {
        if (!n.isNumber()) {
            throw new IllegalArgumentException(where + ": a number is required");
        }
        return n.asDouble();
    }

    private static String text(JsonNode n, String where) {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": text is required");
        }
        return n.asText();
    }

    private static Duration duration(JsonNode n, String where) {
        try {
            return Duration.parse(text(n, where));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": an ISO-8601 duration such as PT40M is required");
        }
    }
}
