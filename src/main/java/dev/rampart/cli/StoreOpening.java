package dev.rampart.cli;

import dev.rampart.store.Store;
import dev.rampart.store.StoreInUseException;
import dev.rampart.store.StoreMigration;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Opens the store with its password, which never comes from the command line: a {@code password=} in {@code --db}
 * is refused (it would stay in the shell's history and show in the process list). The password of an H2 file
 * encrypted at rest ({@code ;CIPHER=AES}) or of a PostgreSQL login is read from the file named by
 * {@value Secrets#DB_PASSWORD_FILE} (first line); an encrypted H2 file's is otherwise asked on the terminal. A
 * PostgreSQL login without the file connects as the server allows (a client certificate, peer, trust, .pgpass).
 */
final class StoreOpening {
    static final String PASSWORD_FILE = Secrets.DB_PASSWORD_FILE;
    /** How long to wait for an H2 store held by a process with no channel (another command line, for a moment). */
    static final long WAIT_FOR_HOLDER_MS = 10_000;

    private StoreOpening() {
    }

    /** {@code rampart db migrate}: the password is had as for opening the store. */
    static StoreMigration migrate(String url, List<String> grantTo, Secrets secrets) {
        char[] password = password(url, secrets);
        try {
            return Store.migrate(url, password, grantTo);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * Opens the store; {@code beforeEachTry} runs before every attempt (it throws to forward the command to a holder
     * that has just appeared). A store in use by a process without a channel is tried again for
     * {@value #WAIT_FOR_HOLDER_MS} ms.
     */
    static Store open(String url, PrintWriter err, Secrets secrets, Runnable beforeEachTry) {
        char[] password = password(url, secrets);
        try {
            long deadline = System.nanoTime() + WAIT_FOR_HOLDER_MS * 1_000_000;
            for (int attempt = 0; ; attempt++) {
                beforeEachTry.run();
                try {
                    return password == null ? Store.open(url) : Store.open(url, Clock.systemUTC(), password);
                } catch (StoreInUseException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    if (attempt == 0) {
                        err.println("rampart: the store is in use by another Rampart command; waiting for it");
                        err.flush();
                    }
                    pause(100);
                }
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The store's password, never from the URL: an encrypted H2 file's (file or terminal), a login's (file). */
    private static char[] password(String url, Secrets secrets) {
        String squeezed = url.toUpperCase(Locale.ROOT).replace(" ", "");
        if (squeezed.contains("PASSWORD=")) {
            throw CliException.badInput("Put no password in --db: it would stay in your shell's history and show in"
                    + " the process list. Name a file holding it in " + PASSWORD_FILE + " instead.");
        }
        boolean h2 = url.regionMatches(true, 0, "jdbc:h2:", 0, 8);
        if (h2 && squeezed.contains(";CIPHER=")) {
            return secrets.read(PASSWORD_FILE, "Password of the encrypted Rampart store: ");
        }
        return h2 ? null : secrets.fromFile(PASSWORD_FILE).orElse(null);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.CHECK_FAILED, "interrupted while waiting for the store");
        }
    }
}
