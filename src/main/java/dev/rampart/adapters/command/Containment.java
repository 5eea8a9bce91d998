package dev.rampart.adapters.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How a command is started so that nothing it starts can outlive it (decision 0020). On Linux with Perl (every
 * Debian and Ubuntu has it), a small supervisor leads the command's session and is the "child subreaper" of all
 * its descendants: a grandchild that calls setsid and clears its environment is still re-parented to the
 * supervisor, which kills and reaps everything left when the command exits or times out. Where that is not
 * possible, the command gets its own session through {@code setsid}, and {@link ProcessTree} finds what it can.
 */
final class Containment {
    static final String SCRIPT = load();
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static volatile Mode mode;

    enum Mode { SUBREAPER, SESSION, NONE }

    private Containment() {
    }

    /** A command ready to start: what to run, and where the supervisor writes how many leftovers it killed. */
    record Launch(List<String> command, Path report, String problem) {
        boolean supervised() {
            return report != null;
        }

        /** Leftovers the supervisor killed after the command ended; -1 when it did not say. */
        int leftovers() {
            try {
                return report == null ? -1 : Integer.parseInt(Files.readString(report).strip());
            } catch (IOException | NumberFormatException e) {
                return -1;
            } finally {
                discard();
            }
        }

        void discard() {
            try {
                if (report != null) {
                    Files.deleteIfExists(report);
                }
            } catch (IOException e) {
                // a temporary file of one number
            }
        }
    }

    static Launch launch(List<String> argv, Path workingDirectory) {
        Optional<String> program = resolve(argv.get(0), workingDirectory);
        if (program.isEmpty()) {
            return new Launch(argv, null, "no program " + argv.get(0) + " (not found, or not executable)");
        }
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, program.get());
        Mode m = mode();
        if (m == Mode.SUBREAPER) {
            try {
                Path report = Files.createTempFile("rampart-command-", ".leftovers");
                List<String> command = new ArrayList<>(List.of("perl", "-e", SCRIPT, report.toString()));
                command.addAll(resolved);
                return new Launch(command, report, null);
            } catch (IOException e) {
                // no temporary folder: start it in its own session at least
            }
        }
        if (m != Mode.NONE) {
            List<String> command = new ArrayList<>(List.of(SETSID.toString()));
            command.addAll(resolved);
            return new Launch(command, null, null);
        }
        return new Launch(resolved, null, null);
    }

    /** Which containment this machine allows; found once, by trying the supervisor. */
    static Mode mode() {
        Mode m = mode;
        if (m == null) {
            m = probe();
            mode = m;
        }
        return m;
    }

    private static Mode probe() {
        if ("session".equals(System.getProperty("rampart.command.containment"))) {
            return Files.isExecutable(SETSID) ? Mode.SESSION : Mode.NONE;
        }
        Optional<String> perl = resolve("perl", Path.of("."));
        if (perl.isPresent() && Files.isDirectory(Path.of("/proc"))) {
            try {
                Process p = new ProcessBuilder(perl.get(), "-e", SCRIPT, "/dev/null")
                        .redirectErrorStream(true).start();
                p.getOutputStream().close();
                try (InputStream in = p.getInputStream()) {
                    in.readAllBytes();
                }
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Mode.SUBREAPER;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // no Perl after all
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Files.isExecutable(SETSID) ? Mode.SESSION : Mode.NONE;
    }

    /**
     * The program as Java would find it: a name with a slash as it is, otherwise on Rampart's own PATH (the
     * command's environment may have none). Empty when there is no such executable file.
     */
    static Optional<String> resolve(String program, Path workingDirectory) {
        if (program.contains("/")) {
            Path file = workingDirectory.resolve(program);
            return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(program) : Optional.empty();
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path).split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static String load() {
        try (InputStream in = Containment.class.getResourceAsStream("subreaper.pl")) {
            if (in == null) {
                throw new IllegalStateException("subreaper.pl is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
