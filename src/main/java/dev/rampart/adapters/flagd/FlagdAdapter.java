package dev.rampart.adapters.flagd;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.adapters.AtomicFile;
import dev.rampart.adapters.BoundedFile;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ConnectionCheck;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Moves traffic by rewriting a flagd flag-definition file (see {@link FlagDocument}) that flagd watches: written
 * to a temporary file and renamed over the old one atomically, so flagd never reads half a file. Rollback turns
 * the kill switch off and every cohort to 0; promotion sends everyone to the new version.
 */
public final class FlagdAdapter implements DeploymentAdapter, ConnectionCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final List<String> cohorts;
    private final AdapterContext context;

    FlagdAdapter(Path file, List<String> cohorts, AdapterContext context) {
        this.file = file;
        this.cohorts = List.copyOf(cohorts);
        this.context = context;
    }

    @Override
    public TrafficSplit applyTraffic(TrafficSplit desired, String idempotencyKey) throws AdapterException {
        return write(desired, true, idempotencyKey, "apply_traffic");
    }

    @Override
    public TrafficSplit promote(String idempotencyKey) throws AdapterException {
        return write(TrafficSplit.everyone(), true, idempotencyKey, "promote");
    }

    @Override
    public TrafficSplit rollback(String idempotencyKey) throws AdapterException {
        return write(TrafficSplit.none(), false, idempotencyKey, "rollback");
    }

    @Override
    public Health health() throws AdapterException {
        return Health.healthy(file + ": " + currentWeights().newVersionPercent() + "% on the new version");
    }

    @Override
    public TrafficSplit currentWeights() throws AdapterException {
        if (!Files.exists(file)) {
            return TrafficSplit.none();
        }
        try {
            return FlagDocument.read(JSON.readTree(BoundedFile.read(file, BoundedFile.DOCUMENT_BYTES, "flag file")));
        } catch (IOException e) {
            throw new AdapterException("cannot read the flag file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String checkConnection() throws AdapterException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new AdapterException("cannot write into " + dir, null, false);
        }
        return health().detail();
    }

    private TrafficSplit write(TrafficSplit split, boolean enabled, String key, String action) throws AdapterException {
        LinkedHashSet<String> names = new LinkedHashSet<>(cohorts);
        split.weights().keySet().stream().filter(c -> !c.equals(TrafficSplit.EVERYONE)).forEach(names::add);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("flagSetId", "rampart." + context.service());
        meta.put("version", context.version());
        if (context.changeId() != null) {
            meta.put("change_id", context.changeId());
        }
        meta.put("idempotency_key", key);
        String doc = FlagDocument.render(context.service(), context.version(), context.previousVersion(),
                new ArrayList<>(names), split, enabled, meta);
        try {
            AtomicFile.write(file, doc);
        } catch (IOException e) {
            throw new AdapterException("cannot write the flag file " + file + ": " + e.getMessage(), e);
        }
        context.evidence().record(action, Map.of("file", file.toString(), "idempotency_key", key,
                "weights", split.weights().toString(), "kill_switch", enabled ? "on" : "off"));
        return split.weights().containsKey(TrafficSplit.EVERYONE) ? split : currentWeights();
    }
}
