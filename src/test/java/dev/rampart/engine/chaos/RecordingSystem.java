package dev.rampart.engine.chaos;

import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ChangeKind;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * A deployment system whose state outlives the process (weights in a file, replaced atomically), that remembers
 * every key it applied (so a repeated key never acts twice, even after a restart: repeating is harmless), performs
 * rollback steps, and logs every effect with the virtual time it happened at. {@code onChange} lets a simulated fleet
 * follow the weights; {@code slow} makes each change take a moment, so a kill -9 can land inside one.
 */
final class RecordingSystem implements DeploymentAdapter {
    private final Path weights;
    private final EffectLog log;
    private final Clock clock;
    private final Consumer<TrafficSplit> onChange;
    private final long slowMillis;
    private final long stepMillis;

    RecordingSystem(Path weights, EffectLog log, Clock clock, Consumer<TrafficSplit> onChange, long slowMillis,
                    long stepMillis) {
        this.weights = weights;
        this.log = log;
        this.clock = clock;
        this.onChange = onChange;
        this.slowMillis = slowMillis;
        this.stepMillis = stepMillis;
    }

    @Override
    public TrafficSplit applyTraffic(TrafficSplit desired, String key) {
        return change(desired, key);
    }

    @Override
    public TrafficSplit promote(String key) {
        return change(TrafficSplit.everyone(), key);
    }

    @Override
    public TrafficSplit rollback(String key) {
        return change(TrafficSplit.none(), key);
    }

    @Override
    public boolean performsRollbackSteps() {
        return true;
    }

    @Override
    public void rollbackStep(RollbackStep step, String key) {
        if (!log.has(key)) {
            sleep(stepMillis);
            log.add(key, current().newVersionPercent(), clock.instant());
        }
    }

    @Override
    public boolean harmlessToRepeat(ChangeKind kind) {
        return true;
    }

    @Override
    public Health health() {
        return Health.healthy("file");
    }

    @Override
    public TrafficSplit currentWeights() throws AdapterException {
        return current();
    }

    private synchronized TrafficSplit change(TrafficSplit split, String key) {
        if (log.has(key)) {
            return split;
        }
        pause();
        Properties p = new Properties();
        split.weights().forEach((c, v) -> p.setProperty(c, Double.toString(v)));
        try {
            Path tmp = weights.resolveSibling(weights.getFileName() + ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                p.store(out, null);
            }
            Files.move(tmp, weights, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        log.add(key, split.newVersionPercent(), clock.instant());
        onChange.accept(split);
        return split;
    }

    TrafficSplit current() {
        Properties p = new Properties();
        if (Files.exists(weights)) {
            try (var in = Files.newInputStream(weights)) {
                p.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Map<String, Double> w = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(n -> w.put(n, Double.parseDouble(p.getProperty(n))));
        return new TrafficSplit(w);
    }

    private void pause() {
        sleep(slowMillis);
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
