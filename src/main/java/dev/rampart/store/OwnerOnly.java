package dev.rampart.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: folders 0700 and files 0600 on POSIX systems, set when they are created (no
 * moment in which another user could open them) and tightened when Rampart finds its own ones looser. A folder that
 * Rampart did not make (the /tmp a --db names) is never changed, only Rampart's files in it. On Windows the per-user
 * profile folders already keep other users out; nothing is changed there.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates whatever of {@code folder} is missing, each new folder 0700; existing folders are left as they are. */
    public static Path createFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        if (!posix()) {
            Files.createDirectories(absolute);
            return folder;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createFolder(parent);
        }
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // made by another process meanwhile
        }
        return folder;
    }

    /** A folder that is Rampart's own (the user's data folder): created 0700, or tightened to 0700. */
    public static Path ownFolder(Path folder) throws IOException {
        createFolder(folder);
        set(folder, FOLDER);
        return folder;
    }

    /** A new empty file {@code name} in {@code folder}, 0600 from its first moment; an old one is replaced. */
    public static Path newFile(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        Files.deleteIfExists(file);
        if (!posix()) {
            return Files.createFile(file);
        }
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    }

    /** Makes Rampart's own {@code file} 0600 if it exists. */
    public static void ownFile(Path file) {
        set(file, FILE);
    }

    private static void set(Path path, Set<PosixFilePermission> wanted) {
        if (!posix() || !Files.exists(path)) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(path).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (FileSystemException notOurs) {
            // another user's file: not ours to change
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot restrict " + path + " to its owner: " + e.getMessage(), e);
        }
    }
}
