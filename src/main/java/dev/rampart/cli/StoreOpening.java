package dev.rampart.cli;

import dev.rampart.store.Store;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
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

    private StoreOpening() {
    }

    static Store open(String url, PrintWriter err, Secrets secrets) {
        String squeezed = url.toUpperCase(Locale.ROOT).replace(" ", "");
        if (squeezed.contains("PASSWORD=")) {
            throw CliException.badInput("Put no password in --db: it would stay in your shell's history and show in"
                    + " the process list. Name a file holding it in " + PASSWORD_FILE + " instead.");
        }
        boolean h2 = url.regionMatches(true, 0, "jdbc:h2:", 0, 8);
        boolean encrypted = h2 && squeezed.contains(";CIPHER=");
        if (h2 && !encrypted) {
            return Store.open(url);
        }
        char[] password = encrypted
                ? secrets.read(PASSWORD_FILE, "Password of the encrypted Rampart store: ")
                : secrets.fromFile(PASSWORD_FILE).orElse(null);
        try {
            return Store.open(url, Clock.systemUTC(), password);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
