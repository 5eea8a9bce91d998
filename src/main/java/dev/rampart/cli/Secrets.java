package dev.rampart.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Passwords and passphrases, never taken from the command line: from the file an environment variable names (its
 * first line), or asked on the terminal without echo. The caller clears the array.
 */
public final class Secrets {
    /** The signer's passphrase for signatures and emergency actions. */
    public static final String PASSPHRASE_FILE = "RAMPART_PASSPHRASE_FILE";
    /** A passphrase being set: the first one of a new key, or a replacement. */
    public static final String NEW_PASSPHRASE_FILE = "RAMPART_NEW_PASSPHRASE_FILE";
    /** The store's password: an encrypted H2 file's, or the PostgreSQL login's. */
    public static final String DB_PASSWORD_FILE = "RAMPART_DB_PASSWORD_FILE";

    private final Map<String, String> env;
    private final Supplier<java.io.Console> terminal;

    /**
     * @param env      the environment to read the file variables from
     * @param terminal the terminal to ask on (null when there is none)
     */
    public Secrets(Map<String, String> env, Supplier<java.io.Console> terminal) {
        this.env = Map.copyOf(env);
        this.terminal = terminal;
    }

    /** This process's environment and terminal. */
    public static Secrets ofProcess() {
        return new Secrets(System.getenv(), System::console);
    }

    /** True when {@code envVariable} names a file (so nothing is asked on the terminal). */
    public boolean given(String envVariable) {
        String file = env.get(envVariable);
        return file != null && !file.isBlank();
    }

    /** The secret in the file {@code envVariable} names, if it names one. */
    public Optional<char[]> fromFile(String envVariable) {
        if (!given(envVariable)) {
            return Optional.empty();
        }
        String file = env.get(envVariable);
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return Optional.of((end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray());
        } catch (IOException e) {
            throw CliException.badInput(envVariable + " names " + file + ", which cannot be read: " + e.getMessage());
        }
    }

    /** True when a secret can be had at all: a file is named, or there is a terminal to ask on. */
    public boolean available(String envVariable) {
        return given(envVariable) || terminal.get() != null;
    }

    public char[] read(String envVariable, String prompt) {
        Optional<char[]> fromFile = fromFile(envVariable);
        if (fromFile.isPresent()) {
            return fromFile.get();
        }
        java.io.Console console = terminal.get();
        if (console == null) {
            throw CliException.badInput("There is no terminal to ask on (" + prompt.strip() + "): set "
                    + envVariable + " to a file holding it");
        }
        char[] typed = console.readPassword(prompt);
        if (typed == null || typed.length == 0) {
            throw CliException.badInput("Nothing was typed (" + prompt.strip() + ")");
        }
        return typed;
    }

    /** A new secret: from the file {@code envVariable} names, or typed twice on the terminal. */
    public char[] readNew(String envVariable, String prompt) {
        char[] first = read(envVariable, prompt);
        if (given(envVariable)) {
            return first;
        }
        char[] again = read(envVariable, "Again: ");
        boolean same = Arrays.equals(first, again);
        Arrays.fill(again, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw CliException.badInput("The two passphrases differ; nothing was changed");
        }
        return first;
    }
}
