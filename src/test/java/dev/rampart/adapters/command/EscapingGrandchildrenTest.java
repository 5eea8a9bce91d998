package dev.rampart.adapters.command;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: grandchildren that clear their environment (so the cookie does not find them) and that call setsid (so
 * the process group does not hold them), some orphaned at once. Nine ways to escape; none may survive the command,
 * whether it times out or exits.
 */
class EscapingGrandchildrenTest {
    private static final int WAYS = 9;

    @TempDir
    Path dir;

    /** Nine grandchildren, each a {@code sleep} with an argument no other process has. */
    private Path escaper(String marker, String then) throws IOException {
        String m = marker;
        return Scripts.write(dir, "escape.sh", String.join("\n",
                "/bin/sleep " + m + " &",
                "env -i /bin/sleep " + m + " &",
                "setsid /bin/sleep " + m + " &",
                "setsid env -i /bin/sleep " + m + " &",
                "( setsid env -i /bin/sleep " + m + " & ) &",
                "/bin/sh -c 'setsid env -i /bin/sleep " + m + " & exit 0' &",
                "env -i /bin/sh -c '/bin/sleep " + m + " &' &",
                "setsid /bin/sh -c 'env -i /bin/sleep " + m + " &' &",
                "nohup env -i setsid /bin/sleep " + m + " >/dev/null 2>&1 &",
                then));
    }

    private static String marker() {
        return "600." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /** The sleeps themselves (not the shells whose command line only mentions them), by their unique argument. */
    private static List<Long> withMarker(String marker) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> cmdline(p).startsWith("/bin/sleep " + marker) && !zombie(p))
                    .map(p -> Long.parseLong(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean zombie(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private CommandResult runCounting(Path script, String marker, Duration timeout) throws Exception {
        ProcessRunner runner = new ProcessRunner(dir, Map.of("PATH", "/usr/bin:/bin"), 4096, List.of());
        CompletableFuture<CommandResult> run = CompletableFuture.supplyAsync(
                () -> runner.run(List.of(script.toString()), timeout));
        int most = 0;
        while (!run.isDone()) {
            most = Math.max(most, withMarker(marker).size());
            Thread.sleep(20);
        }
        assertThat(most).as("all nine grandchildren were started").isEqualTo(WAYS);
        return run.get();
    }

    private static void assertNoneSurvive(String marker) throws InterruptedException {
        List<Long> left = withMarker(marker);
        for (int i = 0; i < 100 && !left.isEmpty(); i++) {
            Thread.sleep(20);
            left = withMarker(marker);
        }
        List<Long> survivors = left;
        survivors.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        assertThat(survivors).as("grandchildren alive after the command").isEmpty();
    }

    @Test
    void noGrandchildSurvivesACommandThatExits() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "needs Linux /proc");
        String marker = marker();
        Path script = escaper(marker, "sleep 1\nexit 0");
        CommandResult r = runCounting(script, marker, Duration.ofSeconds(20));
        assertThat(r.succeeded()).as(r.output()).isTrue();
        assertNoneSurvive(marker);
        assertThat(r.leftovers()).isEqualTo(WAYS);
    }

    @Test
    void noGrandchildSurvivesACommandThatTimesOut() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "needs Linux /proc");
        String marker = marker();
        Path script = escaper(marker, "exec /bin/sleep 600");
        CommandResult r = runCounting(script, marker, Duration.ofSeconds(2));
        assertThat(r.problem()).startsWith("timed out");
        assertNoneSurvive(marker);
    }

    @Test
    void theCommandLeadsItsOwnSession() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "needs Linux /proc");
        Path script = Scripts.write(dir, "session.sh",
                "read -r line < /proc/$$/stat; set -- ${line##*) }; echo \"pgid=$3 sid=$4\"");
        CommandResult r = new ProcessRunner(dir, Map.of(), 4096, List.of()).run(List.of(script.toString()),
                Duration.ofSeconds(10));
        String mine = Files.readString(Path.of("/proc/self/stat"));
        String[] f = mine.substring(mine.lastIndexOf(')') + 2).split(" ");
        assertThat(r.output()).doesNotContain("sid=" + f[3] + "\n").doesNotContain("pgid=" + f[2] + " ");
    }
}
