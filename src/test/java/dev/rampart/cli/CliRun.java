package dev.rampart.cli;

import dev.rampart.app.BuiltInDeployments;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * One in-process run of the command line, with what it printed. The installation is built by constructor, as the
 * composition root builds the real one: a data folder (the person's signing key), the person the operating system
 * would report, and secrets from files named in an environment of its own. By default that person is the
 * operating-system user, whose key lies in one data folder for the whole test run under {@link #PASSPHRASE}.
 */
public record CliRun(int exitCode, String out, String err) {
    public static final String PASSPHRASE = "correct horse battery staple";
    private static Path sharedHome;

    public static CliRun of(String... args) {
        return as(Globals.osUser()).run(args);
    }

    /** Runs as {@code person} (the operating-system user a local store would see), in the shared data folder. */
    public static Runner as(String person) {
        return new Runner(sharedHome(), person, Map.of(Secrets.PASSPHRASE_FILE, secretFile(PASSPHRASE),
                Secrets.NEW_PASSPHRASE_FILE, secretFile(PASSPHRASE)));
    }

    /** Who runs, in which data folder, with which environment. */
    public record Runner(Path home, String person, Map<String, String> env) {
        public Runner in(Path folder) {
            return new Runner(folder, person, env);
        }

        public Runner env(String variable, String value) {
            Map<String, String> more = new HashMap<>(env);
            if (value == null) {
                more.remove(variable);
            } else {
                more.put(variable, value);
            }
            return new Runner(home, person, more);
        }

        /** With the secret files of both passphrase variables holding {@code passphrase}. */
        public Runner passphrase(String passphrase) {
            return env(Secrets.PASSPHRASE_FILE, secretFile(passphrase)).env(Secrets.NEW_PASSPHRASE_FILE,
                    secretFile(passphrase));
        }

        public Installation installation() {
            return new Installation(home, Authenticator.localUser(person), new Secrets(env, () -> null), 1_000);
        }

        public CliRun run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Console noWindow = context -> {
                throw new AssertionError("the console must not open in a command-line test");
            };
            int code = RampartCommand.execute(args, noWindow,
                    new BuiltInDeployments(Clock.systemUTC(), CliRun.class.getClassLoader(), null),
                    new PrintWriter(out, true), new PrintWriter(err, true), installation());
            return new CliRun(code, out.toString(), err.toString());
        }
    }

    private static synchronized Path sharedHome() {
        if (sharedHome == null) {
            try {
                sharedHome = Files.createTempDirectory("rampart-cli-home");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedHome;
    }

    /** A file holding {@code secret} on its first line, as a person would point RAMPART_*_FILE at. */
    public static String secretFile(String secret) {
        try {
            Path file = Files.createTempFile(sharedHome(), "secret", ".txt");
            Files.writeString(file, secret + "\n");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
