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
 * 0700), holding the newest checkpoint this user saw, replaced atomically (written, then renamed) and only ever by a
 * newer one. Beside the data folder rather than in it, so that a store in the data folder restored from an
 * old copy does not bring its witness back with it.
 */
public final class FileWitness implements Witness {
    private final Path folder;
    /** What this process last wrote per location: most records need not read the file back. */
    private final java.util.Map<String, Checkpoint> written = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean folderReady;

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
        Checkpoint mine = written.get(checkpoint.location());
        Optional<Checkpoint> newest = mine != null ? Optional.of(mine) : newest(checkpoint.location());
        if (newest.isPresent() && newest.get().seq() > checkpoint.seq()
                && newest.get().storeId().equals(checkpoint.storeId())) {
            return;
        }
        if (!folderReady) {
            OwnerOnly.ownFolder(folder);
            folderReady = true;
        }
        String name = Names.of(checkpoint.location()) + ".json";
        Path temp = OwnerOnly.newFile(folder, name + "." + ProcessHandle.current().pid() + ".tmp");
        // Written whole, then renamed over the old one: a reader sees the old checkpoint or the new, never half of one.
        // Not forced to disk: a power cut may cost the newest checkpoint, never a wrong one (kill -9 costs nothing).
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            out.write(StandardCharsets.UTF_8.encode(Json.write(checkpoint.fields())));
        }
        Files.move(temp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.put(checkpoint.location(), checkpoint);
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
