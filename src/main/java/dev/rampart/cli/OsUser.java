package dev.rampart.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The operating-system user running this process, as the operating system says, not as a system property that a
 * {@code -Duser.name=} could change: on POSIX systems the owner of a file this process has just created (the
 * kernel's effective user), on Windows the account name Java reports.
 */
public final class OsUser {
    private static volatile String name;

    private OsUser() {
    }

    public static String name() {
        String n = name;
        if (n == null) {
            n = lookUp();
            name = n;
        }
        return n;
    }

    private static String lookUp() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return System.getProperty("user.name", "unknown");
        }
        try {
            Path probe = Files.createTempFile("rampart-whoami", ".tmp");
            try {
                return Files.getOwner(probe).getName();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot tell which operating-system user runs Rampart: " + e.getMessage(),
                    e);
        }
    }
}
