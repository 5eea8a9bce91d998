package dev.rampart.cli;

import dev.rampart.app.BuiltInDeployments;
import dev.rampart.engine.RolloutService;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel's protocol within one JVM (a holder thread and a command on another): output, exit codes and the
 * store's own engine; and no TCP port opened for it.
 */
@EnabledOnOs(OS.LINUX)
class LocalChannelInProcessTest {
    @TempDir
    Path dir;

    @Test
    void aForwardedCommandRunsOnTheHoldersStoreAndNoTcpPortIsOpened() throws Exception {
        Set<String> before = listeningTcpSocketsOfThisProcess();
        String url = DataFolder.jdbcUrl(dir);
        StringWriter holderErr = new StringWriter();
        CliContext holder = new CliContext(new Globals(), c -> 0,
                new BuiltInDeployments(Clock.systemUTC(), getClass().getClassLoader(), null),
                new PrintWriter(new StringWriter()), new PrintWriter(holderErr, true),
                CliRun.as(Globals.osUser()).installation());
        holder.globals().db(url);
        try (Store store = holder.openStore()) {
            RolloutService rollouts = holder.rollouts(store);
            Optional<LocalChannel> channel = LocalChannel.serve(holder, store, rollouts, "the console");
            assertThat(channel).as(holderErr.toString()).isPresent();
            try {
                assertThat(listeningTcpSocketsOfThisProcess()).isEqualTo(before);
                Files.writeString(dir.resolve("plan.json"), RolloutCommandTest.PLAN);

                CliRun imported = CliRun.of("--db", url, "plan", "import", dir.resolve("plan.json").toString());
                assertThat(imported.exitCode()).as(imported.err()).isZero();
                assertThat(imported.out().strip()).isEqualTo("1");
                assertThat(store.plans().list()).hasSize(1);

                CliRun started = CliRun.of("--db", url, "rollout", "start", "1");
                assertThat(started.exitCode()).as(started.err()).isZero();
                assertThat(rollouts.status(1).rollout().state().wireName())
                        .as("the holder's own engine started it").isEqualTo("running");

                CliRun missing = CliRun.of("--db", url, "rollout", "pause", "7");
                assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(missing.err()).isEqualTo("rampart: no rollout 7" + System.lineSeparator());
            } finally {
                channel.get().close();
            }
            assertThat(LocalChannel.socketOf(store.localFile().orElseThrow())).doesNotExist();
        }
    }

    /** Inodes of this process's sockets in LISTEN state (0A) in /proc/net/tcp and tcp6. */
    static Set<String> listeningTcpSocketsOfThisProcess() throws IOException {
        Set<String> mine = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        mine.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listing
                }
            }
        }
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && mine.contains(f[9])) {
                    listening.add(f[9]);
                }
            }
        }
        return listening;
    }
}
