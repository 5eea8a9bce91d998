package dev.rampart.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Passwords and passphrases, never taken from the command line: from the file an environment variable names (its
 * first line), or asked on the terminal without echo. The caller clears the array.
 */
final class Secrets {
    /** The signer's passphrase for signatures and emergency actions. */
    static final String PASSPHRASE_FILE = "RAMPART_PASSPHRASE_FILE";
    /** A passphrase being set: a new person's first one, or a replacement. */
    static final String NEW_PASSPHRASE_FILE = "RAMPART_NEW_PASSPHRASE_FILE";

    private Secrets() {
    }

    static char[] read(String envVariable, String prompt) {
        String file = System.getenv(envVariable);
        if (file != null && !file.isBlank()) {
            try {
                String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                return (end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray();
            } catch (IOException e) {
                throw CliException.badInput(envVariable + " names " + file + ", which cannot be read: "
                        + e.getMessage());
            }
        }
        java.io.Console terminal = System.console();
        if (terminal == null) {
            throw CliException.badInput("There is no terminal to ask on (" + prompt.strip() + "): set "
                    + envVariable + " to a file holding it");
        }
        char[] typed = terminal.readPassword(prompt);
        if (typed == null || typed.length == 0) {
            throw CliException.badInput("Nothing was typed (" + prompt.strip() + ")");
        }
        return typed;
    }

    /** A new secret: from the file {@code envVariable} names, or typed twice on the terminal. */
    static char[] readNew(String envVariable, String prompt) {
        char[] first = read(envVariable, prompt);
        String file = System.getenv(envVariable);
        if (file != null && !file.isBlank()) {
            return first;
        }
        char[] again = read(envVariable, "Again: ");
        boolean same = java.util.Arrays.equals(first, again);
        java.util.Arrays.fill(again, '\0');
        if (!same) {
            java.util.Arrays.fill(first, '\0');
            throw CliException.badInput("The two passphrases differ; nothing was changed");
        }
        return first;
    }
}
