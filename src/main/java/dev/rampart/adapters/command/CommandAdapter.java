package dev.rampart.adapters.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.adapters.Placeholders;
import dev.rampart.adapters.Secret;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ConnectionCheck;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drives a deployment through configured commands ({@code kubectl argo rollouts set weight …},
 * {@code make rollback VERSION=…}), run without a shell. Every step's output is recorded as evidence; a step that
 * exits non-zero, times out or hangs fails the action with an {@link AdapterException}. A rollback runs
 * {@code rollback} and then {@code database_downgrade}: the application first, then the schema.
 */
public final class CommandAdapter implements DeploymentAdapter, ConnectionCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandSettings settings;
    private final AdapterContext context;
    private final Map<String, TrafficSplit> done = new ConcurrentHashMap<>();
    private volatile TrafficSplit lastConfirmed;

    CommandAdapter(CommandSettings settings, AdapterContext context) {
        this.settings = settings;
        this.context = context;
    }

    @Override
    public TrafficSplit applyTraffic(TrafficSplit desired, String idempotencyKey) throws AdapterException {
        return once(idempotencyKey, () -> {
            if (settings.perCohort()) {
                for (var w : desired.weights().entrySet()) {
                    run("apply_traffic", values(w.getKey(), w.getValue(), idempotencyKey));
                }
            } else {
                run("apply_traffic", values(largestCohort(desired), desired.newVersionPercent(), idempotencyKey));
            }
            smokeTest(idempotencyKey);
            return desired;
        });
    }

    @Override
    public TrafficSplit promote(String idempotencyKey) throws AdapterException {
        return once(idempotencyKey, () -> {
            run(settings.actions().containsKey("promote") ? "promote" : "apply_traffic",
                    values(TrafficSplit.EVERYONE, 100, idempotencyKey));
            smokeTest(idempotencyKey);
            return TrafficSplit.everyone();
        });
    }

    @Override
    public TrafficSplit rollback(String idempotencyKey) throws AdapterException {
        return once(idempotencyKey, () -> {
            Map<String, String> v = values(TrafficSplit.EVERYONE, 0, idempotencyKey);
            run("rollback", v);
            if (settings.actions().containsKey("database_downgrade")) {
                run("database_downgrade", v);
            }
            return TrafficSplit.none();
        });
    }

    @Override
    public Health health() throws AdapterException {
        if (!settings.actions().containsKey("health")) {
            return Health.healthy("no health command configured");
        }
        CommandResult r = run("health", values(null, current(), "health"));
        return Health.healthy(firstLine(r.output()));
    }

    /**
     * Runs {@code current_weights}, whose output is a JSON object of cohort weights or one number (the percent on
     * the new version); without that command, the split this adapter last confirmed.
     */
    @Override
    public TrafficSplit currentWeights() throws AdapterException {
        if (!settings.actions().containsKey("current_weights")) {
            if (lastConfirmed == null) {
                throw new AdapterException("no current_weights command configured, and nothing applied yet: "
                        + "the weights in effect are unknown");
            }
            return lastConfirmed;
        }
        CommandResult r = run("current_weights", values(null, current(), "current_weights"));
        return parseWeights(r.output().strip());
    }

    @Override
    public String checkConnection() throws AdapterException {
        if (settings.actions().containsKey("health")) {
            return "health: " + health().detail();
        }
        return "no health command configured; working directory " + settings.workingDirectory() + " exists";
    }

    /** Runs the {@code smoke_test} action, when configured. */
    void smokeTest(String key) throws AdapterException {
        if (settings.actions().containsKey("smoke_test")) {
            run("smoke_test", values(null, current(), key));
        }
    }

    private TrafficSplit once(String key, Action action) throws AdapterException {
        TrafficSplit earlier = done.get(key);
        if (earlier != null) {
            return earlier;
        }
        TrafficSplit confirmed = action.run();
        done.put(key, confirmed);
        lastConfirmed = confirmed;
        return confirmed;
    }

    private CommandResult run(String action, Map<String, String> values) throws AdapterException {
        Map<String, String> env = new LinkedHashMap<>(settings.plainEnvironment());
        List<String> secrets = new ArrayList<>(settings.literalSecrets());
        for (Map.Entry<String, Secret> e : settings.secretEnvironment().entrySet()) {
            String v = e.getValue().reveal();
            env.put(e.getKey(), v);
            secrets.add(v);
        }
        ProcessRunner runner = new ProcessRunner(settings.workingDirectory(), env, settings.outputLimit(), secrets);
        List<List<String>> argvs = new ArrayList<>();
        for (Step step : settings.actions().get(action)) {
            try {
                argvs.add(Placeholders.fillArgv(step.argv(), values));
            } catch (IllegalArgumentException e) {
                // checked for every step before the first runs: a half-run action is worse than none
                throw new AdapterException(action + ": " + e.getMessage(), null, false);
            }
        }
        CommandResult last = null;
        List<Step> steps = settings.actions().get(action);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            last = runner.run(argvs.get(i), step.timeout() != null ? step.timeout() : settings.timeout());
            context.evidence().record(action, last.evidence());
            if (!last.succeeded()) {
                throw new CommandFailure(action, last);
            }
        }
        return last;
    }

    private Map<String, String> values(String cohort, double percent, String key) {
        Map<String, String> v = new HashMap<>();
        v.put("version", String.valueOf(context.version()));
        v.put("previous_version", String.valueOf(context.previousVersion()));
        v.put("service", String.valueOf(context.service()));
        v.put("change_id", String.valueOf(context.changeId()));
        v.put("cohort", cohort == null ? "" : cohort);
        v.put("percent", percent(percent));
        v.put("idempotency_key", key);
        return v;
    }

    private double current() {
        return lastConfirmed == null ? 0 : lastConfirmed.newVersionPercent();
    }

    /** {@code 25} rather than {@code 25.0}; {@code 0.5} stays. */
    static String percent(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    private static String largestCohort(TrafficSplit split) {
        return split.weights().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("");
    }

    private TrafficSplit parseWeights(String out) throws AdapterException {
        try {
            JsonNode n = JSON.readTree(out);
            if (n != null && n.isNumber()) {
                double p = n.asDouble();
                TrafficSplit last = lastConfirmed;
                return last != null && last.newVersionPercent() == p ? last
                        : p == 0 ? TrafficSplit.none() : new TrafficSplit(Map.of(TrafficSplit.EVERYONE, p));
            }
            if (n != null && n.isObject()) {
                Map<String, Double> w = new LinkedHashMap<>();
                n.fields().forEachRemaining(e -> w.put(e.getKey(), e.getValue().asDouble()));
                return new TrafficSplit(w);
            }
        } catch (java.io.IOException e) {
            // fall through to the message below
        }
        throw new AdapterException("current_weights printed neither a number nor a JSON object of cohort weights: "
                + firstLine(out));
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    @FunctionalInterface
    private interface Action {
        TrafficSplit run() throws AdapterException;
    }
}
