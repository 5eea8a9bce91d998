package dev.rampart.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real program ({@code dev.rampart.app.Main}) in a JVM of its own, in a working folder and environment. */
final class RampartProcess {
    private final Path cwd;
    private final Map<String, String> env;
    private final Path logs;

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /**
     * A store's first start asks its first person for the passphrase of their signing key: there is no terminal
     * here, so unless {@code env} names a file for it, one holding {@value #FIRST_PASSPHRASE} is made in {@code logs}.
     */
    RampartProcess(Path cwd, Map<String, String> env, Path logs) {
        this.cwd = cwd;
        this.logs = logs;
        Map<String, String> all = new java.util.HashMap<>(env);
        if (!all.containsKey("RAMPART_NEW_PASSPHRASE_FILE")) {
            try {
                Files.createDirectories(logs);
                Path file = logs.resolve("first-passphrase.txt");
                Files.writeString(file, FIRST_PASSPHRASE + "\n");
                all.put("RAMPART_NEW_PASSPHRASE_FILE", file.toString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        this.env = Map.copyOf(all);
    }

    static final String FIRST_PASSPHRASE = "correct horse battery staple";

    /** Runs one command to its end (a guard of two minutes against hanging) and returns what it printed. */
    Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    Result run(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        String id = "run-" + System.nanoTime();
        Path out = logs.resolve(id + ".out");
        Path err = logs.resolve(id + ".err");
        ProcessBuilder builder = builder(Main(), args).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(extraEnv);
        Process p = builder.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("rampart " + String.join(" ", args) + " finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Starts a long-running process (the agent, a holder); its output and errors go to {@code log}. */
    Process start(Path log, Class<?> main, String... args) throws IOException {
        return builder(main.getName(), args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    Process startRampart(Path log, String... args) throws IOException {
        return builder(Main(), args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private ProcessBuilder builder(String main, String... args) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath, main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().putAll(env);
        return builder;
    }

    private static String Main() {
        return "dev.rampart.app.Main";
    }

    /** Waits (a guard of {@code seconds}) until {@code log} contains {@code text}; fails with the log otherwise. */
    static void awaitLine(Process p, Path log, String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String now = Files.exists(log) ? Files.readString(log) : "";
            if (now.contains(text)) {
                return;
            }
            assertThat(p.isAlive()).as("the process is still running, waiting for \"" + text + "\":\n" + now).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no \"" + text + "\" within " + seconds + " s:\n" + Files.readString(log));
    }
}
