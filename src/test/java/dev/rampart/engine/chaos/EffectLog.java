package dev.rampart.engine.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the deployment system really did, one line per effect ({@code key percent virtual-instant}), appended to a
 * file that outlives the process: what the campaign counts duplicates and unsafe expansions from.
 */
final class EffectLog {
    /** One change that took effect. */
    record Effect(String key, double percent, Instant at) {
        /** The step the key names, without its attempt: {@code rollout-1-enter-2}. */
        String step() {
            int a = key.lastIndexOf("-attempt-");
            return a < 0 ? key : key.substring(0, a);
        }
    }

    private final Path file;

    EffectLog(Path file) {
        this.file = file;
    }

    synchronized void add(String key, double percent, Instant at) {
        try {
            Files.writeString(file, key + " " + percent + " " + at + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized List<Effect> read() {
        List<Effect> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] p = line.split(" ");
                if (p.length == 3) {
                    out.add(new Effect(p[0], Double.parseDouble(p[1]), Instant.parse(p[2])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Whether this key has taken effect already (a repeated key must not act twice). */
    synchronized boolean has(String key) {
        return read().stream().anyMatch(e -> e.key().equals(key));
    }

    /**
     * Steps that took effect more than once under different attempts: a stage entered twice, a promotion twice, or a
     * rollback step (application, database) performed twice. Sending traffic back again is never harmful and is not
     * counted.
     */
    int duplicates() {
        Map<String, Set<String>> keysPerStep = new HashMap<>();
        for (Effect e : read()) {
            String step = e.step();
            if (step.contains("-enter-") || step.endsWith("-promote")
                    || (step.contains("-rollback-") && !step.endsWith("-rollback-0"))) {
                keysPerStep.computeIfAbsent(step, s -> new HashSet<>()).add(e.key());
            }
        }
        return keysPerStep.values().stream().mapToInt(k -> k.size() - 1).sum();
    }

    /** Effects that put all traffic on the new version at or after {@code since}. */
    long reached100Since(Instant since) {
        return read().stream().filter(e -> e.percent() >= 100 && !e.at().isBefore(since)).count();
    }

    /** Effects that put all traffic on the new version inside {@code [from, to)}. */
    long reached100Within(Instant from, Instant to) {
        return read().stream().filter(e -> e.percent() >= 100 && !e.at().isBefore(from) && e.at().isBefore(to))
                .count();
    }
}
