package dev.rampart.adapters.nginx;

import dev.rampart.adapters.AtomicFile;
import dev.rampart.adapters.command.CommandResult;
import dev.rampart.adapters.command.ProcessRunner;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ChangeKind;
import dev.rampart.spi.ConnectionCheck;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Splits traffic between a stable and a canary upstream of nginx: writes the weighted upstream file atomically,
 * checks the whole configuration with {@code nginx -t} (and puts the old file back when it fails), reloads, and —
 * when a {@code confirm_url} is set — waits until nginx's workers serve the new weights back. Rollback is the
 * canary at weight 0.
 */
public final class NginxAdapter implements DeploymentAdapter, ConnectionCheck {
    private static final int CONFIRMATIONS = 3;
    private final NginxSettings settings;
    private final AdapterContext context;
    private final ProcessRunner runner;

    NginxAdapter(NginxSettings settings, AdapterContext context) {
        this.settings = settings;
        this.context = context;
        this.runner = new ProcessRunner(settings.configFile().toAbsolutePath().getParent(),
                settings.commandEnvironment(), 16 * 1024, List.of());
    }

    @Override
    public TrafficSplit applyTraffic(TrafficSplit desired, String idempotencyKey) throws AdapterException {
        return write(desired, idempotencyKey, "apply_traffic");
    }

    @Override
    public TrafficSplit promote(String idempotencyKey) throws AdapterException {
        return write(TrafficSplit.everyone(), idempotencyKey, "promote");
    }

    @Override
    public TrafficSplit rollback(String idempotencyKey) throws AdapterException {
        return write(TrafficSplit.none(), idempotencyKey, "rollback");
    }

    @Override
    public Health health() throws AdapterException {
        CommandResult t = runner.run(settings.testCommand(), settings.commandTimeout());
        if (!t.succeeded()) {
            return new Health(Health.Status.DEGRADED, "configuration test fails: " + lastLine(t.output()));
        }
        if (settings.confirmUrl() != null) {
            served();
        }
        return Health.healthy("configuration valid; " + currentWeights().newVersionPercent() + "% to the canary");
    }

    /**
     * Repeating a traffic change, a promotion or a rollback writes the same upstream weights and reloads: harmless. This adapter performs no
     * rollback steps; Rampart runs their commands itself.
     */
    @Override
    public boolean harmlessToRepeat(ChangeKind kind) {
        return kind != ChangeKind.ROLLBACK_STEP;
    }

    @Override
    public TrafficSplit currentWeights() throws AdapterException {
        if (settings.confirmUrl() != null) {
            TrafficSplit s = UpstreamConfig.parse(served());
            if (s == null) {
                throw new AdapterException(settings.confirmUrl() + " does not return $" + settings.upstream().variable());
            }
            return s;
        }
        String file = readConfig();
        TrafficSplit s = file == null ? null : UpstreamConfig.parse(file);
        return s == null ? TrafficSplit.none() : s;
    }

    @Override
    public String checkConnection() throws AdapterException {
        Health h = health();
        if (!h.isHealthy()) {
            throw new AdapterException(h.detail());
        }
        return "nginx: " + h.detail();
    }

    private TrafficSplit write(TrafficSplit split, String key, String action) throws AdapterException {
        String before = readConfig();
        String after = settings.upstream().render(split, key, context.service() + " " + context.version()
                + (context.changeId() == null ? "" : " (" + context.changeId() + ")"));
        replace(after);
        CommandResult test = runner.run(settings.testCommand(), settings.commandTimeout());
        context.evidence().record(action + ".config_test", test.evidence());
        if (!test.succeeded()) {
            restore(before);
            throw new AdapterException("nginx refused the new upstream (" + test.problem() + "): "
                    + lastLine(test.output()) + "; the previous file was put back", null, false);
        }
        OldWorkers old = OldWorkers.before(settings.pidFile());
        CommandResult reload = runner.run(settings.reloadCommand(), settings.commandTimeout());
        context.evidence().record(action + ".reload", reload.evidence());
        if (!reload.succeeded()) {
            restore(before);
            throw new AdapterException("nginx reload failed (" + reload.problem() + "): " + lastLine(reload.output()));
        }
        if (settings.confirmUrl() != null) {
            awaitServed(UpstreamConfig.marker(split, key), old);
        }
        return split;
    }

    /**
     * Waits until nginx serves the new marker {@value #CONFIRMATIONS} times in a row and, when the pid file is
     * known, every old worker has let go of the listening sockets: after a reload the master keeps the old workers
     * accepting (for about 100 ms) while the new ones start, and they answer with the old weights.
     */
    private void awaitServed(String marker, OldWorkers old) throws AdapterException {
        long deadline = System.nanoTime() + settings.confirmTimeout().toNanos();
        String last = null;
        int inARow = 0;
        while (System.nanoTime() - deadline < 0) {
            try {
                last = served().strip();
                inARow = last.equals(marker) ? inARow + 1 : 0;
                if (inARow >= CONFIRMATIONS && old.allLetGo()) {
                    return;
                }
            } catch (AdapterException e) {
                last = e.getMessage();
                inARow = 0;
            }
            pause();
        }
        throw new AdapterException("nginx reloaded but still serves " + last + " after " + settings.confirmTimeout()
                + "; the new weights are not confirmed");
    }

    /** What nginx serves at the confirm URL, on a fresh connection so that no old worker answers. */
    private String served() throws AdapterException {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(settings.confirmUrl()).openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            c.setUseCaches(false);
            c.setRequestProperty("Connection", "close");
            try {
                if (c.getResponseCode() != 200) {
                    throw new AdapterException(settings.confirmUrl() + " answered HTTP " + c.getResponseCode());
                }
                try (var in = c.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new AdapterException("nginx cannot be reached at " + settings.confirmUrl() + ": " + e, e);
        }
    }

    private String readConfig() throws AdapterException {
        try {
            Path f = settings.configFile();
            return Files.exists(f) ? Files.readString(f) : null;
        } catch (IOException e) {
            throw new AdapterException("cannot read " + settings.configFile() + ": " + e.getMessage(), e);
        }
    }

    private void replace(String content) throws AdapterException {
        try {
            AtomicFile.write(settings.configFile(), content);
        } catch (IOException e) {
            throw new AdapterException("cannot write " + settings.configFile() + ": " + e.getMessage(), e);
        }
    }

    private void restore(String before) throws AdapterException {
        try {
            if (before == null) {
                Files.deleteIfExists(settings.configFile());
            } else {
                AtomicFile.write(settings.configFile(), before);
            }
        } catch (IOException e) {
            throw new AdapterException("cannot put back " + settings.configFile() + ": " + e.getMessage(), e);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    private static void pause() throws AdapterException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted", e);
        }
    }
}
