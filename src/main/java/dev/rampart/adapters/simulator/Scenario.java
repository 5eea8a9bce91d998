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
 *  "events": [{"at": "PT40M", "cohort": "canary", "metric": "error_rate", "value": 0.03},
 *             {"at": "PT20M", "cohort": "canary", "metric": "latency_p99", "value": "+Inf"},
 *             {"at": "PT10M", "until": "PT2H", "outage": "metrics"},
 *             {"at": "PT10M", "until": "PT20M", "outage": "adapter"},
 *             {"at": "PT23M", "restart": true},
 *             {"at": "PT2H", "switch": "friendly_gp", "enabled": true},
 *             {"at": "PT0S", "check": "make smoke", "exit_code": 2, "output": "3 tests failed"}]}</pre>
 * A value may be a number, {@code "NaN"} (no reading), {@code "+Inf"} or {@code "-Inf"}. Metrics the baseline does
 * not name keep the simulator's {@link #DEFAULT_BASELINE}. An outage lasts from {@code at} until {@code until}
 * (for ever without one); a restart discards the engine at that instant and rebuilds it from the store alone; a
 * switch event turns a cohort's kill switch ({@code "switch": null}: the global one) on or off; a check scripts the
 * exit code and output of a checklist command (the others are not run in a dry run and count as passed).
 */
public record Scenario(long seed, Map<String, Double> baseline, Duration tick, List<ScenarioEvent> events,
                       List<ScenarioFault> faults, List<Duration> restarts, List<ScenarioSwitch> switches,
                       List<ScenarioCheck> checks) {

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
        faults = faults == null ? List.of() : List.copyOf(faults);
        restarts = restarts == null ? List.of() : restarts.stream().sorted().toList();
        switches = switches == null ? List.of()
                : switches.stream().sorted(Comparator.comparing(ScenarioSwitch::at)).toList();
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** Values only: no faults, restarts, switches or scripted checks. */
    public Scenario(long seed, Map<String, Double> baseline, Duration tick, List<ScenarioEvent> events) {
        this(seed, baseline, tick, events, null, null, null, null);
    }

    /** The latest offset at which something scripted happens (a value, a fault's start or end, a restart, …). */
    public Duration lastScripted() {
        Duration last = Duration.ZERO;
        for (ScenarioEvent e : events) {
            last = max(last, e.at());
        }
        for (ScenarioFault f : faults) {
            last = max(last, f.until() == null ? f.at() : f.until());
        }
        for (Duration r : restarts) {
            last = max(last, r);
        }
        for (ScenarioSwitch w : switches) {
            last = max(last, w.at());
        }
        for (ScenarioCheck c : checks) {
            last = max(last, c.at());
        }
        return last;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
        List<ScenarioFault> faults = new ArrayList<>();
        List<Duration> restarts = new ArrayList<>();
        List<ScenarioSwitch> switches = new ArrayList<>();
        List<ScenarioCheck> checks = new ArrayList<>();
        JsonNode list = root.path("events");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new BadScenario("/events", "events: expected a list of events, found " + describe(list));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = "/events/" + i;
            if (!e.isObject()) {
                throw new BadScenario(where, "events item " + (i + 1) + ": expected an object (at, cohort, metric,"
                        + " value; or an outage, restart, switch or check), found " + describe(e));
            }
            Duration at = duration(e.path("at"), where + "/at");
            if (e.has("outage")) {
                String what = text(e.path("outage"), where + "/outage");
                if (!what.equals(ScenarioFault.METRICS) && !what.equals(ScenarioFault.ADAPTER)) {
                    throw new BadScenario(where + "/outage", "outage: expected \"metrics\" or \"adapter\", found "
                            + describe(e.path("outage")));
                }
                Duration until = e.has("until") ? duration(e.path("until"), where + "/until") : null;
                if (until != null && until.compareTo(at) <= 0) {
                    throw new BadScenario(where + "/until", "until: " + until + " must be after at " + at);
                }
                faults.add(new ScenarioFault(at, until, what));
            } else if (e.has("restart")) {
                if (!e.path("restart").isBoolean() || !e.path("restart").asBoolean()) {
                    throw new BadScenario(where + "/restart", "restart: expected true, found "
                            + describe(e.path("restart")));
                }
                restarts.add(at);
            } else if (e.has("switch")) {
                if (!e.path("enabled").isBoolean()) {
                    throw new BadScenario(where + "/enabled", "enabled: expected true or false, found "
                            + describe(e.path("enabled")));
                }
                JsonNode name = e.path("switch");
                switches.add(new ScenarioSwitch(at, name.isNull() ? null : text(name, where + "/switch"),
                        e.path("enabled").asBoolean()));
            } else if (e.has("check")) {
                if (!e.path("exit_code").isInt()) {
                    throw new BadScenario(where + "/exit_code", "exit_code: expected a whole number, found "
                            + describe(e.path("exit_code")));
                }
                checks.add(new ScenarioCheck(at, text(e.path("check"), where + "/check"), e.path("exit_code").asInt(),
                        e.path("output").asText("")));
            } else {
                events.add(new ScenarioEvent(at, text(e.path("cohort"), where + "/cohort"),
                        text(e.path("metric"), where + "/metric"), value(e.path("value"), where + "/value")));
            }
        }
        long seed = root.has("seed") ? whole(root.get("seed"), "/seed") : 0;
        Duration tick = root.has("tick") ? duration(root.get("tick"), "/tick") : null;
        if (tick != null && (tick.isNegative() || tick.isZero())) {
            throw new BadScenario("/tick", "tick: " + tick + " must be positive");
        }
        return new Scenario(seed, baseline, tick, events, faults, restarts, switches, checks);
    }

    /** A finite number, or "NaN" (no reading), "+Inf" or "-Inf" written as the metric sources write them. */
    private static double value(JsonNode n, String where) {
        if (n.isTextual()) {
            switch (n.asText()) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "+Inf", "Inf", "+Infinity", "Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Inf", "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> throw new BadScenario(where, name(where) + ": expected a number, \"NaN\", \"+Inf\" or"
                        + " \"-Inf\", found " + describe(n));
            }
        }
        return number(n, where);
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
