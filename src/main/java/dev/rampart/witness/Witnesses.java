package dev.rampart.witness;

import dev.rampart.domain.access.Checkpoint;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.LongFunction;

/**
 * The witnesses of one installation: the file beside the data folder, always, and those listed in
 * {@code witnesses.txt} in the data folder (one address a line, {@code #} comments). A checkpoint goes to each in
 * turn; a witness that fails is reported and left alone for a minute, so an unreachable endpoint costs a rollout at
 * most one time-out a minute.
 */
public final class Witnesses {
    public static final String CONFIG = "witnesses.txt";
    private static final Duration REST = Duration.ofMinutes(1);

    private final List<Witness> all;
    private final Clock clock;
    private final Map<Witness, Instant> resting = new LinkedHashMap<>();
    private final Map<Witness, String> lastFailure = new LinkedHashMap<>();
    private final Map<Witness, Checkpoint> known = new LinkedHashMap<>();
    private final Map<Witness, String> refused = new LinkedHashMap<>();

    public Witnesses(List<Witness> all, Clock clock) {
        this.all = List.copyOf(all);
        this.clock = clock;
    }

    /**
     * The witnesses of {@code dataFolder}: its file witness and the addresses in its {@value #CONFIG}.
     *
     * @throws IllegalArgumentException naming the line of an address no provider serves
     */
    public static Witnesses of(Path dataFolder, ClassLoader plugins) {
        List<Witness> witnesses = new ArrayList<>();
        witnesses.add(new FileWitness(FileWitness.beside(dataFolder)));
        Path config = dataFolder.resolve(CONFIG);
        if (Files.isRegularFile(config)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(config, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(config + " cannot be read: " + e.getMessage(), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                witnesses.add(open(config, i + 1, line, dataFolder, plugins));
            }
        }
        return new Witnesses(witnesses, Clock.systemUTC());
    }

    private static Witness open(Path config, int line, String address, Path dataFolder, ClassLoader plugins) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(config + ":" + line + ":1: \"" + address + "\" is not an address");
        }
        for (WitnessProvider provider : ServiceLoader.load(WitnessProvider.class, plugins)) {
            Optional<Witness> w = provider.open(uri, dataFolder);
            if (w.isPresent()) {
                return w.get();
            }
        }
        throw new IllegalArgumentException(config + ":" + line + ":1: no witness serves \"" + address
                + "\" (built in: dir:/path, http://…, https://…)");
    }

    public List<Witness> all() {
        return all;
    }

    /** Gives {@code checkpoint} to every witness; see {@link #record(Checkpoint, LongFunction)}. */
    public void record(Checkpoint checkpoint) {
        record(checkpoint, seq -> Optional.empty());
    }

    /**
     * Gives {@code checkpoint} to every witness not resting after a failure, unless the chain lost what that witness
     * saw last: when {@code chainHashAt} shows the chain no longer holds the witness's newest checkpoint (it was
     * truncated, rewound or rewritten since), the witness keeps that checkpoint as the evidence, and nothing newer is
     * given to it. Never throws.
     *
     * @param chainHashAt the hash of the chain's event at a sequence number, empty when the chain has none there
     */
    public synchronized void record(Checkpoint checkpoint, LongFunction<Optional<String>> chainHashAt) {
        Instant now = clock.instant();
        for (Witness w : all) {
            Instant until = resting.get(w);
            if (until != null && now.isBefore(until)) {
                continue;
            }
            try {
                Checkpoint last = known.containsKey(w) ? known.get(w) : w.newest(checkpoint.location()).orElse(null);
                if (last != null && last.storeId().equals(checkpoint.storeId())) {
                    if (last.seq() > checkpoint.seq()) {
                        known.put(w, last);
                        continue;
                    }
                    if (last.seq() < checkpoint.seq() && !chainHashAt.apply(last.seq()).map(last.hash()::equals)
                            .orElse(true)) {
                        refused.put(w, "the chain no longer holds event " + last.seq() + " as " + w.describe()
                                + " saw it; its checkpoint is kept as evidence");
                        known.put(w, last);
                        continue;
                    }
                }
                w.record(checkpoint);
                known.put(w, checkpoint);
                resting.remove(w);
                lastFailure.remove(w);
            } catch (IOException | RuntimeException e) {
                resting.put(w, now.plus(REST));
                lastFailure.put(w, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }

    /** Witnesses that were not given a checkpoint because the chain lost what they saw, and why. */
    public synchronized Map<String, String> refused() {
        Map<String, String> out = new LinkedHashMap<>();
        refused.forEach((w, why) -> out.put(w.describe(), why));
        return out;
    }

    /** Why each witness that failed last time failed. */
    public synchronized Map<String, String> failures() {
        Map<String, String> out = new LinkedHashMap<>();
        lastFailure.forEach((w, why) -> out.put(w.describe(), why));
        return out;
    }
}
