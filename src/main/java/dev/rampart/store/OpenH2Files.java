package dev.rampart.store;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The H2 files this process has open as stores. Across processes H2's file lock keeps a second opener out;
 * inside one JVM H2 would silently share the open file instead, so the same rule is kept here. Process-wide
 * on purpose: it mirrors the operating system's lock, which is process-wide too.
 */
final class OpenH2Files {

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private OpenH2Files() {
    }

    static void claim(Path file) {
        if (!OPEN.add(file)) {
            throw new StoreUnavailableException("The Rampart store " + file
                    + " is already open in this Rampart process. Close it first, or use --db to open another store.");
        }
    }

    static void release(Path file) {
        OPEN.remove(file);
    }
}
