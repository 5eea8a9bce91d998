package dev.rampart.cli;

import dev.rampart.engine.Deployments;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "rampart", mixinStandardHelpOptions = true, versionProvider = RampartCommand.Version.class,
        description = "Release control for staged rollouts. With no subcommand, opens the console.",
        subcommands = {PlanCommand.class, SimulateCommand.class, RolloutCommand.class, AgentCommand.class,
                AuditCommand.class, EvidenceCommand.class, PeopleCommand.class, SignCommand.class})
public final class RampartCommand implements Callable<Integer> {
    private final CliContext cx;

    RampartCommand(CliContext cx) {
        this.cx = cx;
    }

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "The store (default: an H2 file in the user's data folder).")
    void db(String url) {
        cx.globals().db(url);
    }

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Assert who you are: refused unless it is the authenticated person (the operating-system"
                    + " user on H2, your database login's person on PostgreSQL).")
    void user(String name) {
        cx.globals().assertUser(name);
    }

    @Option(names = "--smoke", description = "Open the console, check the store, print what was seen and exit.")
    void smoke(boolean on) {
        cx.globals().smoke(on);
    }

    @Option(names = "--screenshot", paramLabel = "PNG", hidden = true,
            description = "Write a picture of the console once it has loaded, then exit.")
    void screenshot(java.nio.file.Path file) {
        cx.globals().screenshot(file);
    }

    @Option(names = "--screenshot-after", paramLabel = "SECONDS", hidden = true,
            description = "With --screenshot: let the live screens run this long first (charts fill up).")
    void screenshotAfter(int seconds) {
        cx.globals().screenshotAfter(seconds);
    }

    @Option(names = "--screen", paramLabel = "NAME",
            description = "The screen to open on: releases, calendar, rollout, checklists or audit.")
    void screen(String name) {
        cx.globals().screen(name);
    }

    @Override
    public Integer call() {
        return cx.console().open(cx);
    }

    /** Runs the command line and returns the exit code, printing to the process's own streams. */
    public static int execute(String[] args, Console console, Deployments deployments) {
        return execute(args, console, deployments, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
    }

    public static int execute(String[] args, Console console, Deployments deployments, PrintWriter out,
                              PrintWriter err) {
        return execute(args, console, deployments, out, err, Installation.ofThisUser());
    }

    /** As {@link #execute(String[], Console, Deployments, PrintWriter, PrintWriter)} on a given installation. */
    public static int execute(String[] args, Console console, Deployments deployments, PrintWriter out,
                              PrintWriter err, Installation installation) {
        Globals globals = new Globals();
        CommandLine cli = new CommandLine(RampartCommand.class,
                new Factory(new CliContext(globals, console, deployments, out, err, installation)));
        cli.setOut(out);
        cli.setErr(err);
        // "--screen rollout" names a screen, not the rollout subcommand.
        cli.setAllowSubcommandsAsOptionParameters(true);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof CliException c) {
                err.println("rampart: " + c.getMessage());
                return c.exitCode();
            }
            err.println("rampart: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            // An unknown id or a wrong value is bad input; an action the rollout's state refuses is a failed check.
            boolean badInput = ex instanceof java.util.NoSuchElementException
                    || ex instanceof IllegalArgumentException;
            return badInput ? ExitCode.BAD_INPUT : ExitCode.CHECK_FAILED;
        });
        return cli.execute(args);
    }

    /** Builds every command by constructor: a command that takes the {@link CliContext} is handed it. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                var constructor = type.getDeclaredConstructor(CliContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RampartCommand.class.getPackage().getImplementationVersion();
            return new String[] {"rampart " + (v == null ? "development build" : v)};
        }
    }
}
