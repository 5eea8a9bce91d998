package dev.rampart.ui.releases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where an evidence pack goes when a person picks a folder: the folder itself when it is empty, else a new folder
 * inside it named after the rollout, since a pack is only ever written to a new or empty folder.
 */
final class EvidenceFolder {
    private EvidenceFolder() {
    }

    /** Touches the file system: call it off the FX thread. */
    static Path inside(Path chosen, String changeId, long rolloutId) {
        if (isEmptyFolder(chosen)) {
            return chosen;
        }
        String base = "evidence-" + safe(changeId) + "-rollout-" + rolloutId;
        Path candidate = chosen.resolve(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = chosen.resolve(base + "-" + n);
        }
        return candidate;
    }

    private static boolean isEmptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String safe(String name) {
        return name == null ? "plan" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
