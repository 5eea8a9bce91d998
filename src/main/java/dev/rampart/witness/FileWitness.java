package dev.rampart.witness;

import dev.rampart.domain.access.Checkpoint;
import dev.rampart.store.OwnerOnly;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * The default witness: one file per store in a folder beside the user's data folder ({@code rampart-witness},
 * 0700), holding the newest checkpoint this user saw, replaced atomically (written, forced to disk, renamed) and only
 * ever by a newer one. Beside the data folder rather than in it, so that a store in the data folder restored from an
 * old copy does not bring its witness back with it.
 */
public final class FileWitness implements Witness {
    private final Path folder;

    public FileWitness(Path folder) {
        this.folder = folder;
    }

    /** The default witness folder of a data folder: its sibling {@code <name>-witness}. */
    public static Path beside(Path dataFolder) {
        Path absolute = dataFolder.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-witness");
    }

    @Override
    public String describe() {
        return folder.toString();
    }

    @Override
    public void record(Checkpoint checkpoint) throws IOException {
        Optional<Checkpoint> newest = newest(checkpoint.location());
        if (newest.isPresent() && newest.get().seq() > checkpoint.seq()
                && newest.get().storeId().equals(checkpoint.storeId())) {
            return;
        }
        OwnerOnly.ownFolder(folder);
        String name = Names.of(checkpoint.location()) + ".json";
        Path temp = OwnerOnly.newFile(folder, name + "." + ProcessHandle.current().pid() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            out.write(StandardCharsets.UTF_8.encode(Json.write(checkpoint.fields())));
            out.force(true);
        }
        Files.move(temp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<Checkpoint> newest(String location) throws IOException {
        Path file = folder.resolve(Names.of(location) + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, Object> fields = Json.read(Files.readString(file, StandardCharsets.UTF_8));
        return Optional.of(Checkpoint.from(fields));
    }
}
