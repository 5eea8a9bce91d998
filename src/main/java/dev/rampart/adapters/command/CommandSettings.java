package dev.rampart.adapters.command;

import dev.rampart.adapters.Durations;
import dev.rampart.adapters.Placeholders;
import dev.rampart.adapters.Redaction;
import dev.rampart.adapters.Secret;
import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code command} adapter's settings:
 * <pre>
 * {"type": "command", "working_directory": "/srv/deploy", "timeout": "PT5M", "output_limit_bytes": 65536,
 *  "environment": {"allow": ["PATH", "HOME"], "set": {"KUBECONFIG": "/etc/k8s", "TOKEN": {"env": "DEPLOY_TOKEN"}}},
 *  "actions": {"apply_traffic": ["deploy", "--weight", "{percent}"], "rollback": {"argv": [...], "timeout": "PT2M"},
 *              "database_downgrade": {"steps": [[...], [...]]}}}
 * </pre>
 * An action is an argv, {@code {"argv": …, "timeout": …}}, or {@code {"steps": [argv or object, …]}}.
 */
record CommandSettings(Path workingDirectory, Duration timeout, int outputLimit, Map<String, String> plainEnvironment,
                       Map<String, Secret> secretEnvironment, List<String> literalSecrets, Map<String, List<Step>> actions,
                       boolean perCohort) {

    static final Set<String> ACTIONS = Set.of("apply_traffic", "promote", "rollback", "database_downgrade", "health",
            "current_weights", "smoke_test");
    static final Set<String> PLACEHOLDERS = Set.of("version", "previous_version", "cohort", "percent", "change_id",
            "service", "idempotency_key");

    static CommandSettings read(Settings s, Map<String, String> processEnvironment) throws AdapterException {
        Path dir = Path.of(s.text("working_directory", System.getProperty("user.dir")));
        if (!Files.isDirectory(dir)) {
            throw s.bad("working_directory", "is not a folder: " + dir);
        }
        Settings env = s.section("environment");
        Map<String, String> plain = new LinkedHashMap<>();
        for (String name : env.strings("allow")) {
            String v = processEnvironment.get(name);
            if (v != null) {
                plain.put(name, v);
            }
        }
        Map<String, Secret> secrets = new LinkedHashMap<>();
        List<String> literals = new ArrayList<>();
        Settings set = env.section("set");
        for (String name : set.keys()) {
            Object v = set.raw(name);
            if (v instanceof String text && !text.startsWith("env:") && !text.startsWith("file:")) {
                plain.put(name, text);
                if (Redaction.secretKey(name)) {
                    // written into the plan against advice; passed on, but never repeated in evidence
                    literals.add(text);
                }
            } else {
                secrets.put(name, set.secretValue(v, name));
            }
        }
        Map<String, List<Step>> actions = new LinkedHashMap<>();
        Settings a = s.section("actions");
        for (String name : a.keys()) {
            if (!ACTIONS.contains(name)) {
                throw a.bad(name, "is not an action; known: " + String.join(", ", new java.util.TreeSet<>(ACTIONS)));
            }
            actions.put(name, steps(a, name));
        }
        for (String required : List.of("apply_traffic", "rollback")) {
            if (!actions.containsKey(required)) {
                throw a.bad(required, "is required");
            }
        }
        return new CommandSettings(dir, s.duration("timeout", Duration.ofMinutes(5)),
                s.integer("output_limit_bytes", 64 * 1024), plain, secrets, List.copyOf(literals), actions,
                s.flag("per_cohort", false));
    }

    private static List<Step> steps(Settings a, String name) throws AdapterException {
        Object v = a.raw(name);
        List<Step> steps = new ArrayList<>();
        if (v instanceof Map<?, ?> m && m.containsKey("steps") && m.get("steps") instanceof List<?> list) {
            for (Object each : list) {
                steps.add(step(a, name, each));
            }
        } else {
            steps.add(step(a, name, v));
        }
        return List.copyOf(steps);
    }

    private static Step step(Settings a, String name, Object v) throws AdapterException {
        Object argv = v instanceof Map<?, ?> m ? m.get("argv") : v;
        Object timeout = v instanceof Map<?, ?> m ? m.get("timeout") : null;
        if (!(argv instanceof List<?> list) || list.isEmpty() || list.stream().anyMatch(x -> !(x instanceof String))) {
            throw a.bad(name, "must be an argv: a list of text such as [\"make\", \"rollback\", "
                    + "\"VERSION={previous_version}\"]");
        }
        List<String> args = list.stream().map(String.class::cast).toList();
        for (String arg : args) {
            List<String> unknown = Placeholders.unknownInArgv(arg, PLACEHOLDERS);
            if (!unknown.isEmpty()) {
                throw a.bad(name, "uses unknown placeholder " + unknown.get(0) + "; known: {"
                        + String.join("}, {", new java.util.TreeSet<>(PLACEHOLDERS))
                        + "}, each also as {name:dash} where its value may start with a dash");
            }
        }
        try {
            return new Step(args, timeout == null ? null : Durations.parse(timeout.toString()));
        } catch (RuntimeException e) {
            throw a.bad(name, "has a bad timeout: " + timeout);
        }
    }
}
