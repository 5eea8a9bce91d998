package dev.rampart.adapters.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.domain.rule.Metrics;

import java.io.IOException;
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

    /**
     * A scenario from trusted JSON text (tests, examples). Files from people are read through
     * {@code format.SourceDocument} (bounded, strict) and {@link #parse(JsonNode)}.
     */
    public static Scenario parse(String json) throws IOException {
        return parse(new ObjectMapper().readTree(json));
    }

    /** @throws BadScenario naming the value that is wrong by its JSON pointer */
    public static Scenario parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new BadScenario("", "a scenario is an object (seed, baseline, tick, events), found " + describe(root));
        }
        Map<String, Double> baseline = new HashMap<>();
        JsonNode base = root.path("baseline");
        if (!base.isMissingNode() && !base.isObject()) {
            throw new BadScenario("/baseline", "baseline: expected an object of metric values by name, found "
                    + describe(base));
        }
        base.properties().forEach(e -> baseline.put(e.getKey(), number(e.getValue(), "/baseline/" + e.getKey())));
        List<ScenarioEvent> events = new ArrayList<>();
        JsonNode list = root.path("events");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new BadScenario("/events", "events: expected a list of events, found " + describe(list));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = "/events/" + i;
            if (!e.isObject()) {
                throw new BadScenario(where, "events item " + (i + 1) + ": expected an object (at, cohort, metric,"
                        + " value), found " + describe(e));
            }
            events.add(new ScenarioEvent(duration(e.path("at"), where + "/at"), text(e.path("cohort"), where
                    + "/cohort"), text(e.path("metric"), where + "/metric"), number(e.path("value"), where + "/value")));
        }
        long seed = root.has("seed") ? whole(root.get("seed"), "/seed") : 0;
        Duration tick = root.has("tick") ? duration(root.get("tick"), "/tick") : null;
        if (tick != null && (tick.isNegative() || tick.isZero())) {
            throw new BadScenario("/tick", "tick: " + tick + " must be positive");
        }
        return new Scenario(seed, baseline, tick, events);
    }

    /** A scenario value that is wrong, at its JSON pointer ({@code /events/2/at}). */
    public static final class BadScenario extends IllegalArgumentException {
        private final String pointer;

        BadScenario(String pointer, String message) {
            super(message);
            this.pointer = pointer;
        }

        public String pointer() {
            return pointer;
        }
    }

    private static double number(JsonNode n, String where) {
        if (!n.isNumber()) {
            throw new BadScenario(where, name(where) + ": expected a number, found " + describe(n));
        }
        if (!Double.isFinite(n.asDouble())) {
            throw new BadScenario(where, name(where) + ": " + n.asText() + " is not a finite number");
        }
        return n.asDouble();
    }

    private static long whole(JsonNode n, String where) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new BadScenario(where, name(where) + ": expected a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ", found " + describe(n));
        }
        return n.asLong();
    }

    private static String text(JsonNode n, String where) {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new BadScenario(where, name(where) + ": expected a text, found " + describe(n));
        }
        return n.asText();
    }

    private static Duration duration(JsonNode n, String where) {
        String expected = name(where) + ": expected an ISO-8601 duration such as PT1M, found " + describe(n);
        if (!n.isTextual()) {
            throw new BadScenario(where, expected);
        }
        try {
            return Duration.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new BadScenario(where, expected);
        }
    }

    private static String name(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        } else if (node.isTextual()) {
            return "the text \"" + node.asText() + "\"";
        } else if (node.isNumber()) {
            return "the number " + node.asText();
        } else if (node.isArray()) {
            return "a list";
        } else if (node.isObject()) {
            return "an object";
        }
        return node.asText();
    }
}
