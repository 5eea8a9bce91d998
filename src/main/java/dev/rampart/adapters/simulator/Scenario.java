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
        List<ScenarioFault> faults = new ArrayList<>();
        List<Duration> restarts = new ArrayList<>();
        List<ScenarioSwitch> switches = new ArrayList<>();
        List<ScenarioCheck> checks = new ArrayList<>();
        JsonNode list = root.path("events");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = "events[" + i + "]";
            Duration at = duration(e.path("at"), where + ".at");
            if (e.has("outage")) {
                String what = text(e.path("outage"), where + ".outage");
                if (!what.equals(ScenarioFault.METRICS) && !what.equals(ScenarioFault.ADAPTER)) {
                    throw new IllegalArgumentException(where + ".outage: \"metrics\" or \"adapter\" is required");
                }
                Duration until = e.has("until") ? duration(e.path("until"), where + ".until") : null;
                if (until != null && until.compareTo(at) <= 0) {
                    throw new IllegalArgumentException(where + ".until: must be after at");
                }
                faults.add(new ScenarioFault(at, until, what));
            } else if (e.has("restart")) {
                if (!e.path("restart").asBoolean(false)) {
                    throw new IllegalArgumentException(where + ".restart: true is required");
                }
                restarts.add(at);
            } else if (e.has("switch")) {
                if (!e.path("enabled").isBoolean()) {
                    throw new IllegalArgumentException(where + ".enabled: true or false is required");
                }
                JsonNode name = e.path("switch");
                switches.add(new ScenarioSwitch(at, name.isNull() ? null : text(name, where + ".switch"),
                        e.path("enabled").asBoolean()));
            } else if (e.has("check")) {
                if (!e.path("exit_code").isInt()) {
                    throw new IllegalArgumentException(where + ".exit_code: a whole number is required");
                }
                checks.add(new ScenarioCheck(at, text(e.path("check"), where + ".check"), e.path("exit_code").asInt(),
                        e.path("output").asText("")));
            } else {
                events.add(new ScenarioEvent(at, text(e.path("cohort"), where + ".cohort"),
                        text(e.path("metric"), where + ".metric"), value(e.path("value"), where + ".value")));
            }
        }
        long seed = root.path("seed").asLong(0);
        Duration tick = root.has("tick") ? duration(root.get("tick"), "tick") : null;
        return new Scenario(seed, baseline, tick, events, faults, restarts, switches, checks);
    }

    /** A number, or "NaN" (no reading), "+Inf" or "-Inf" as the metric sources write them. */
    private static double value(JsonNode n, String where) {
        if (n.isTextual()) {
            switch (n.asText()) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "+Inf", "Inf", "Infinity", "+Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Inf", "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> throw new IllegalArgumentException(where + ": a number, \"NaN\", \"+Inf\" or \"-Inf\" is"
                        + " required, not \"" + n.asText() + "\"");
            }
        }
        return number(n, where);
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
