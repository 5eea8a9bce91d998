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
                AuditCommand.class, EvidenceCommand.class, PeopleCommand.class, SignCommand.class,
                DbCommand.class})
public final class RampartCommand implements Callable<Integer> {
    private final CliContext cx;

    RampartCommand(CliContext cx) {
        this.cx = cx;
    }

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL", defaultValue = "${env:RAMPART_DB}",
            description = {"The store (default: $RAMPART_DB, else an H2 file in the user's data folder).",
                    "A service takes it from the environment, where `ps` does not show its password."})
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

    /**
     * As {@link #execute(String[], Console, Deployments, PrintWriter, PrintWriter)} on a given installation (the
     * composition root's, or a test's: the only way to say who the operating system would report).
     */
    public static int execute(String[] args, Console console, Deployments deployments, PrintWriter out,
                              PrintWriter err, Installation installation) {
        return execute(args, new CliContext(new Globals(), console, deployments, out, err, installation));
    }

    /**
     * Runs the command line in {@code cx}'s session. A command that finds its H2 store held by a console or the
     * agent is forwarded there through the local channel, and its exit code is the holder's run's.
     */
    static int execute(String[] args, CliContext cx) {
        PrintWriter out = cx.out();
        PrintWriter err = cx.err();
        CommandLine cli = new CommandLine(RampartCommand.class, new Factory(cx));
        cli.setOut(out);
        cli.setErr(err);
        // "--screen rollout" names a screen, not the rollout subcommand.
        cli.setAllowSubcommandsAsOptionParameters(true);
        // A forwarded command's relative paths are the caller's, not the holder's.
        java.nio.file.Path cwd = cx.session().workingDirectory();
        if (cwd != null) {
            cli.registerConverter(java.nio.file.Path.class, cwd::resolve);
        }
        StoreHeldElsewhere[] held = new StoreHeldElsewhere[1];
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof StoreHeldElsewhere h) {
                held[0] = h;
                return ExitCode.OK;
            }
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
        int code = cli.execute(args);
        if (held[0] == null) {
            return code;
        }
        try (ChannelClient channel = held[0].channel()) {
            if (cli.getParseResult().subcommand() == null) {
                err.println("rampart: the store is held by " + channel.holder() + ": only one window or agent can"
                        + " hold an H2 store. Run rampart commands beside it, or share a PostgreSQL store.");
                return ExitCode.CHECK_FAILED;
            }
            return channel.forward(args, java.nio.file.Path.of("").toAbsolutePath(), out, err,
                    cx.installation().secrets());
        }
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
