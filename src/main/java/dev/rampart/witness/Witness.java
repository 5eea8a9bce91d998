package dev.rampart.witness;

import dev.rampart.domain.access.Checkpoint;

import java.io.IOException;
import java.util.Optional;

/**
 * Somewhere outside the store that keeps signed checkpoints of its hash chain, so that a chain cut short, rewound,
 * rewritten or wiped inside the database is still caught: a file beside the user's data folder (always), a shared
 * directory, an HTTP endpoint. Implementations are found through {@link WitnessProvider} (ServiceLoader) and must be
 * safe to call from one thread at a time; a witness that cannot be reached is reported, never a reason to stop a
 * rollout.
 */
public interface Witness {

    /** Where it keeps checkpoints, as a person reads it (no secrets). */
    String describe();

    /** Keeps {@code checkpoint}; a witness may keep only the newest per store. */
    void record(Checkpoint checkpoint) throws IOException;

    /** The checkpoint with the highest sequence number it holds for the store at {@code location}. */
    Optional<Checkpoint> newest(String location) throws IOException;
}
