package dev.rampart.adapters.command;

import dev.rampart.spi.CommandOutcome;
import dev.rampart.spi.CommandRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's own commands (checklist checks such as {@code make smoke}, rollback steps the adapter does not
 * perform) run on this machine through the command adapter's {@link ProcessRunner}: argv as given, never a shell, a
 * timeout that kills the whole process tree, bounded output, and only an allow-listed environment.
 */
public final class LocalCommands implements CommandRunner {
    /** The environment variables a plan's command sees, when the process has them. */
    static final List<String> ALLOWED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "USER", "LOGNAME");
    static final int OUTPUT_LIMIT = 64 * 1024;

    private final Path workingDirectory;
    private final Map<String, String> environment;

    public LocalCommands(Path workingDirectory, Map<String, String> processEnvironment) {
        this.workingDirectory = workingDirectory;
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : ALLOWED) {
            String v = processEnvironment.get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        this.environment = Map.copyOf(env);
    }

    /** Commands run in the current directory with this process's allow-listed environment. */
    public static LocalCommands here() {
        return new LocalCommands(Path.of(System.getProperty("user.dir")), System.getenv());
    }

    @Override
    public CommandOutcome run(List<String> argv, Duration timeout) {
        CommandResult r = new ProcessRunner(workingDirectory, environment, OUTPUT_LIMIT, List.of()).run(argv, timeout);
        return new CommandOutcome(r.argv(), r.exitCode(), r.output(), r.truncated(), r.problem(), r.took());
    }
}
