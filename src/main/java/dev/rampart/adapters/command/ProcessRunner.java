package dev.rampart.adapters.command;

import dev.rampart.adapters.Redaction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command without a shell: argv as given, in a working directory, with exactly the environment it is
 * handed (nothing inherited), a timeout, and bounded output. A command that outlives its timeout is killed with
 * its whole process tree; processes a command leaves running after it exits are killed too (and counted in the
 * result), since a deployment step that leaves work running behind it has not finished.
 */
public final class ProcessRunner {
    private static final long POLL_MS = 25;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final int outputLimit;
    private final Collection<String> secrets;

    /**
     * @param environment the child's whole environment
     * @param secrets     values to mask in argv and output (resolved secrets)
     */
    public ProcessRunner(Path workingDirectory, Map<String, String> environment, int outputLimit,
                         Collection<String> secrets) {
        this.workingDirectory = workingDirectory;
        this.environment = Map.copyOf(environment);
        this.outputLimit = outputLimit;
        this.secrets = List.copyOf(secrets);
    }

    /** Runs {@code argv}; never throws for the command's own failure, which {@link CommandResult#problem} says. */
    public CommandResult run(List<String> argv, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        BoundedOutput out = new BoundedOutput(outputLimit);
        Containment.Launch launch = Containment.launch(argv, workingDirectory);
        if (launch.problem() != null) {
            return result(argv, -1, started, out, "could not be started: " + launch.problem(), 0);
        }
        ProcessBuilder pb = new ProcessBuilder(launch.command()).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(environment);
        ProcessTree tree = new ProcessTree();
        pb.environment().put(ProcessTree.COOKIE_VARIABLE, tree.cookie());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            launch.discard();
            return result(argv, -1, started, out, "could not be started: " + e.getMessage(), 0);
        }
        try {
            p.getOutputStream().close(); // the child reads nothing from us
        } catch (IOException e) {
            // already gone
        }
        Thread reader = drain(p.getInputStream(), out);
        boolean exited = waitFor(p, tree, deadline);
        String problem = null;
        if (!exited) {
            problem = "timed out after " + timeout + "; killed " + stop(p, tree, launch)
                    + " process(es): it and its tree";
        }
        // Java closes the pipe when the child exits, so the reader ends even if a grandchild holds the other end
        join(reader, System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
        int leftovers = 0;
        if (exited) {
            int supervised = launch.leftovers();
            // the supervisor has killed what the command left; anything the tree still finds escaped it
            leftovers = Math.max(0, supervised) + tree.kill(p);
        }
        closeQuietly(p.getInputStream());
        int exit = exited ? p.exitValue() : -1;
        if (problem == null && exit != 0) {
            problem = exit == 127 && out.text().startsWith("could not be started: ")
                    ? out.text().lines().findFirst().orElse("").strip() : "exited with status " + exit;
        }
        return result(argv, exit, started, out, problem, leftovers);
    }

    /**
     * At the timeout: the supervisor is asked to kill the command and everything below it (and does, in
     * milliseconds); whatever is still alive after that, or without a supervisor, is killed through the tree.
     */
    private static int stop(Process p, ProcessTree tree, Containment.Launch launch) {
        int killed = 0;
        if (launch.supervised()) {
            p.destroy();
            awaitDeath(p);
            int reported = launch.leftovers();
            killed = reported < 0 ? 0 : reported + 1;
        }
        killed += tree.kill(p);
        awaitDeath(p);
        return killed;
    }

    private static boolean waitFor(Process p, ProcessTree tree, long deadline) {
        try {
            while (true) {
                tree.remember(p);
                if (p.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitDeath(Process p) {
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread drain(InputStream in, BoundedOutput out) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, n);
                }
            } catch (IOException e) {
                // closed after a kill: what was read is kept
            }
        }, "command-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static boolean join(Thread t, long deadline) {
        try {
            long ms = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            t.join(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to read
        }
    }

    private CommandResult result(List<String> argv, int exit, long started, BoundedOutput out, String problem,
                                 int leftovers) {
        List<String> shown = argv.stream().map(a -> Redaction.scrub(a, secrets)).toList();
        return new CommandResult(shown, exit, Duration.ofNanos(System.nanoTime() - started),
                Redaction.scrub(out.text(), secrets), out.truncated(), problem, leftovers);
    }
}
