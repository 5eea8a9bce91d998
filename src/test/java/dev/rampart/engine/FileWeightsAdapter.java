package dev.rampart.engine;

import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A deployment system whose state outlives the process: weights and applied keys in a file. Optionally, the
 * {@code hangOn}th change is written and then never returns, so a parent can kill the process right there.
 */
final class FileWeightsAdapter implements DeploymentAdapter {
    private final Path file;
    private final int hangOn;
    private int changes;

    FileWeightsAdapter(Path file, int hangOn) {
        this.file = file;
        this.hangOn = hangOn;
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
    public Health health() {
        return Health.healthy("file");
    }

    @Override
    public TrafficSplit currentWeights() throws AdapterException {
        Properties p = load();
        Map<String, Double> w = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(n -> n.startsWith("w.")).sorted()
                .forEach(n -> w.put(n.substring(2), Double.parseDouble(p.getProperty(n))));
        return new TrafficSplit(w);
    }

    private TrafficSplit change(TrafficSplit split, String key) {
        Properties p = load();
        if (p.containsKey("key." + key)) {
            return split;
        }
        p.stringPropertyNames().stream().filter(n -> n.startsWith("w.")).forEach(p::remove);
        split.weights().forEach((c, v) -> p.setProperty("w." + c, Double.toString(v)));
        p.setProperty("key." + key, "applied");
        store(p);
        if (++changes == hangOn) {
            System.out.println(EngineCrashChild.REPLY + "applied " + key);
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return split;
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private void store(Properties p) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                p.store(out, null);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
