package dev.rampart.store;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A PostgreSQL cluster of a test's own, to stop and restart (the shared test server must not be): initdb in a
 * temporary folder (as the postgres user when running as root, as .ci/run does), on a free loopback port, fsync off.
 * Skipped when the PostgreSQL binaries are missing, unless {@code RAMPART_REQUIRE_INTEGRATION=1}: then it fails.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    public static ThrowawayPostgres start() throws IOException, InterruptedException {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("rampart-pg-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("run"));
        if (root) {
            exec(List.of("chown", "postgres", dir.resolve("data").toString(), dir.resolve("run").toString()), false);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, dir, port, root);
        pg.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "rampart",
                "--auth=trust"));
        pg.startServer();
        return pg;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres?user=rampart} (trust authentication). */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=rampart";
    }

    /** Stops the server (fast: sessions are ended), keeps it down for {@code down}, and starts it again. */
    public void restart(Duration down) throws IOException, InterruptedException {
        stopServer("fast");
        Thread.sleep(down.toMillis());
        startServer();
    }

    /** Stops the server and leaves it down. */
    public void stop() throws IOException, InterruptedException {
        stopServer("fast");
    }

    public void startServer() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("run/server.log").toString(), "-w", "-o",
                "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + dir.resolve("run")
                        + " -c fsync=off", "start"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopServer("immediate");
        } catch (IOException | RuntimeException ignored) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void stopServer(String mode) throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", mode, "-w", "stop"));
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        exec(full, true);
    }

    private static void exec(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> bins = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .forEach(bins::add);
            }
        }
        if (bins.isEmpty()) {
            if ("1".equals(System.getenv("RAMPART_REQUIRE_INTEGRATION"))) {
                fail("RAMPART_REQUIRE_INTEGRATION=1, but PostgreSQL's initdb is not installed under " + root);
            }
            Assumptions.abort("PostgreSQL binaries (initdb, pg_ctl) are not installed; test skipped");
        }
        bins.sort(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        return bins.get(bins.size() - 1);
    }
}
