package dev.rampart.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a test main class in a separate JVM with this test run's class path. */
final class ChildJvm {

    /** Marks the lines a child writes for its parent. */
    static final String REPLY = "child> ";

    private ChildJvm() {
    }

    static Process start(Class<?> main, Path errors, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    /**
     * The next line the child wrote for the parent, skipping log lines (logback, unconfigured, logs to standard
     * output); null when the child's output ended.
     */
    static String nextReply(BufferedReader out) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(REPLY)) {
                return line.substring(REPLY.length());
            }
        }
        return null;
    }

    static String errors(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
