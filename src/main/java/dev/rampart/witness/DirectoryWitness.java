package dev.rampart.witness;

import dev.rampart.domain.access.Checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A witness in a directory that other machines (or a write-once mount) keep: {@code <dir>/<store>/<seq>.json}, one
 * file per checkpoint, never overwritten, so the directory holds the chain head's whole history as this installation
 * saw it. Address: {@code dir:/path}.
 */
public final class DirectoryWitness implements Witness {
    private final Path dir;

    public DirectoryWitness(Path dir) {
        this.dir = dir;
    }

    @Override
    public String describe() {
        return "dir:" + dir;
    }

    @Override
    public void record(Checkpoint checkpoint) throws IOException {
        Path store = dir.resolve(Names.of(checkpoint.location()));
        Files.createDirectories(store);
        String name = String.format("%019d-%s.json", checkpoint.seq(), checkpoint.hash().substring(0, 12));
        Path target = store.resolve(name);
        if (Files.exists(target)) {
            return;
        }
        Path temp = Files.createTempFile(store, ".checkpoint", ".tmp");
        Files.writeString(temp, Json.write(checkpoint.fields()), StandardCharsets.UTF_8);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException another) {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<Checkpoint> newest(String location) throws IOException {
        Path store = dir.resolve(Names.of(location));
        if (!Files.isDirectory(store)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(store)) {
            Optional<Path> newest = files.filter(p -> p.getFileName().toString().matches("\\d{19}-[0-9a-f]{12}\\.json"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Checkpoint.from(Json.read(Files.readString(newest.get(), StandardCharsets.UTF_8))));
        }
    }
}
