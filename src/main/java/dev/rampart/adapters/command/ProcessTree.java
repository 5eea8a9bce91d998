package dev.rampart.adapters.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The processes one command started, so that all of them can be killed. Descendants are remembered while the
 * child lives; on Linux every process that inherited the run's cookie variable is found through
 * {@code /proc/*}{@code /environ} too, and every process of the session the command leads, which also catches
 * grandchildren re-parented after their parent died (the technique Jenkins' process-tree killer uses). This is
 * the safety net behind {@link Containment}'s supervisor, and all there is where the supervisor cannot run.
 */
final class ProcessTree {
    static final String COOKIE_VARIABLE = "RAMPART_PROCESS_COOKIE";
    private static final Path PROC = Path.of("/proc");
    private final String cookie = UUID.randomUUID().toString();
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();

    String cookie() {
        return cookie;
    }

    void remember(Process p) {
        p.descendants().forEach(seen::add);
    }

    /** Kills the child and everything it started; returns how many processes were alive to kill. */
    int kill(Process p) {
        Set<ProcessHandle> all = new LinkedHashSet<>(seen);
        all.add(p.toHandle());
        p.descendants().forEach(all::add);
        withCookie().forEach(all::add);
        inSession(p.pid()).forEach(all::add);
        for (ProcessHandle h : Set.copyOf(all)) {
            h.descendants().forEach(all::add);
        }
        int killed = 0;
        for (ProcessHandle h : all) {
            if (h.isAlive() && h.pid() != ProcessHandle.current().pid() && h.destroyForcibly()) {
                killed++;
            }
        }
        return killed;
    }

    private Stream<ProcessHandle> withCookie() {
        if (!Files.isDirectory(PROC)) {
            return Stream.empty();
        }
        byte[] needle = (COOKIE_VARIABLE + "=" + cookie).getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .filter(n -> contains(PROC.resolve(n).resolve("environ"), needle))
                    .map(n -> ProcessHandle.of(Long.parseLong(n))).flatMap(Optional::stream)
                    .toList().stream();
        } catch (IOException | RuntimeException e) {
            return Stream.empty();
        }
    }

    /** Processes of the session the command leads (it was started through setsid), whatever their parent now. */
    private static Stream<ProcessHandle> inSession(long sid) {
        if (!Files.isDirectory(PROC)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .filter(n -> session(PROC.resolve(n).resolve("stat")) == sid)
                    .map(n -> ProcessHandle.of(Long.parseLong(n))).flatMap(Optional::stream)
                    .toList().stream();
        } catch (IOException | RuntimeException e) {
            return Stream.empty();
        }
    }

    private static long session(Path stat) {
        try {
            String s = Files.readString(stat);
            return Long.parseLong(s.substring(s.lastIndexOf(')') + 2).split(" ")[3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean contains(Path environ, byte[] needle) {
        try {
            byte[] b = Files.readAllBytes(environ);
            outer:
            for (int i = 0; i + needle.length <= b.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (b[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read
        }
        return false;
    }
}
