package dev.rampart.adapters;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds a program an integration test needs (nginx, prometheus). Missing: the test is skipped, unless
 * {@code RAMPART_REQUIRE_INTEGRATION=1} (CI), where it fails and says what to install.
 */
public final class IntegrationBinary {
    private IntegrationBinary() {
    }

    public static Path require(String program, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        Path found = Stream.of(path.split(":")).filter(d -> !d.isBlank()).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (found == null) {
            String message = program + " is not installed (Debian package '" + debianPackage + "'; .ci/run installs it)";
            if ("1".equals(System.getenv("RAMPART_REQUIRE_INTEGRATION"))) {
                throw new AssertionError("RAMPART_REQUIRE_INTEGRATION=1 but " + message);
            }
            Assumptions.abort(message);
        }
        return found;
    }

    /** A loopback port free right now. */
    public static int freePort() throws java.io.IOException {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops a server process started by a test, its children included. */
    public static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
