package dev.rampart.witness;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The witnesses Rampart brings: {@code dir:/path}, {@code git:/path/to/clone} and {@code http(s)://…}. */
public final class BuiltInWitnesses implements WitnessProvider {
    @Override
    public Optional<Witness> open(URI address, Path dataFolder) {
        String scheme = address.getScheme() == null ? "" : address.getScheme();
        return switch (scheme) {
            case "dir" -> Optional.of(new DirectoryWitness(Path.of(address.getSchemeSpecificPart())));
            case "git" -> Optional.of(new GitWitness(Path.of(address.getSchemeSpecificPart())));
            case "http", "https" -> Optional.of(new HttpWitness(address));
            default -> Optional.empty();
        };
    }
}
