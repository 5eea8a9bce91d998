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

    /** The new version's share after the last effect (0 before any). */
    double lastPercent() {
        List<Effect> all = read();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).percent();
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

    /**
     * Changes to all traffic on the new version that Rampart decided at or after {@code since}: {@code decidedAt}
     * gives when the change was asked for (its intent), or null when the store does not know it (then when it took
     * effect counts). A change asked for earlier that a slow deployment system applied later is not Rampart's
     * decision; it is sent back by the rollback.
     */
    long reached100Since(Instant since, java.util.function.Function<String, Instant> decidedAt) {
        return reached100Within(since, Instant.MAX, decidedAt);
    }

    /** As {@link #reached100Since}, decided inside {@code [from, to)}. */
    long reached100Within(Instant from, Instant to, java.util.function.Function<String, Instant> decidedAt) {
        return read().stream().filter(e -> e.percent() >= 100).filter(e -> {
            Instant at = decidedAt.apply(e.key()) != null ? decidedAt.apply(e.key()) : e.at();
            return !at.isBefore(from) && at.isBefore(to);
        }).count();
    }
}
