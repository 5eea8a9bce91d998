package dev.rampart.witness;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes witnesses from the addresses a person lists in {@code witnesses.txt} in their data folder, one per line:
 * {@code dir:/mnt/audit/rampart}, {@code https://witness.example/rampart}. Declared in
 * {@code META-INF/services/dev.rampart.witness.WitnessProvider}; a plug-in adds its own schemes (a git repository,
 * an object store with retention).
 */
public interface WitnessProvider {

    /** A witness for {@code address}, if this provider serves its scheme. */
    Optional<Witness> open(URI address, Path dataFolder);
}
