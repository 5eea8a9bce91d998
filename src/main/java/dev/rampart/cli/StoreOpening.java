package dev.rampart.cli;

import dev.rampart.store.Store;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Opens the store, asking for the password of an H2 file encrypted at rest ({@code ;CIPHER=AES} in {@code --db}).
 * The password never comes from the command line: it is read from the file named by the environment variable
 * {@value #PASSWORD_FILE} (first line), or asked on the terminal without echo.
 */
final class StoreOpening {
    static final String PASSWORD_FILE = "RAMPART_DB_PASSWORD_FILE";

    private StoreOpening() {
    }

    /** {@code rampart db migrate}: the password of an encrypted H2 file is asked as for opening it. */
    static dev.rampart.store.StoreMigration migrate(String url, java.util.List<String> grantTo) {
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

    private static boolean isEncrypted(String url) {
        return url.regionMatches(true, 0, "jdbc:h2:", 0, 8)
                && url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";CIPHER=");
    }

    static Store open(String url, PrintWriter err) {
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8)
                || !url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";CIPHER=")) {
            return Store.open(url);
        }
        char[] password = Secrets.read(PASSWORD_FILE, "Password of the encrypted Rampart store: ");
        try {
            return Store.open(url, Clock.systemUTC(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

}
