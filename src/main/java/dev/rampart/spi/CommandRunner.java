package dev.rampart.spi;

import java.time.Duration;
import java.util.List;

/**
 * Runs a command a plan names (a checklist item's check such as {@code ["make", "smoke"]}, a rollback step's
 * {@code ["alembic", "downgrade", "-1"]}) on this machine: the argv as given, never through a shell, with a timeout
 * after which it is killed with its whole process tree, and its output bounded. The engine reaches processes only
 * through this port; the composition root hands it an implementation.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs {@code argv} and waits for it, at most {@code timeout}. Never throws for the command's own failure (a
     * non-zero exit, a timeout, a program that cannot be started): {@link CommandOutcome#succeeded()} says.
     */
    CommandOutcome run(List<String> argv, Duration timeout);

    /** A runner that runs nothing: every command fails, saying why. Gates that need a command then stay shut. */
    static CommandRunner unavailable() {
        return (argv, timeout) -> new CommandOutcome(argv, -1, "", false,
                "no command runner in this process: the command was not run", Duration.ZERO);
    }
}
