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
 * Opens the store, asking for the password of an H2 file encrypted at rest ({@code ;CIPHER=AES} in {@code --db}).
 * The password never comes from the command line: it is read from the file named by the environment variable
 * {@value #PASSWORD_FILE} (first line), or asked on the terminal without echo.
 */
final class StoreOpening {
    static final String PASSWORD_FILE = "RAMPART_DB_PASSWORD_FILE";
    /** How long to wait for an H2 store held by a process with no channel (another command line, for a moment). */
    static final long WAIT_FOR_HOLDER_MS = 10_000;

    private StoreOpening() {
    }

    /** {@code rampart db migrate}: the password of an encrypted H2 file is asked as for opening it. */
    static StoreMigration migrate(String url, List<String> grantTo) {
        if (!isEncrypted(url)) {
            return Store.migrate(url, null, grantTo);
        }
        char[] password = Secrets.read(PASSWORD_FILE, "Password of the encrypted Rampart store: ");
        try {
            return Store.migrate(url, password, grantTo);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static Store open(String url, PrintWriter err) {
        return open(url, err, () -> { });
    }

    /**
     * Opens the store; {@code beforeEachTry} runs before every attempt (it throws to forward the command to a holder
     * that has just appeared). A store in use by a process without a channel is tried again for
     * {@value #WAIT_FOR_HOLDER_MS} ms.
     */
    static Store open(String url, PrintWriter err, Runnable beforeEachTry) {
        char[] password = isEncrypted(url) ? Secrets.read(PASSWORD_FILE, "Password of the encrypted Rampart store: ")
                : null;
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

    private static boolean isEncrypted(String url) {
        return url.regionMatches(true, 0, "jdbc:h2:", 0, 8)
                && url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";CIPHER=");
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
