package dev.rampart.adapters.nginx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The worker processes of the running nginx master, taken before a reload. After the reload, the new weights are
 * only certain once each of them has stopped accepting connections: it is gone, or it has renamed itself
 * "worker process is shutting down" (which nginx does when it closes its listening sockets).
 */
final class OldWorkers {
    private final List<ProcessHandle> workers;

    private OldWorkers(List<ProcessHandle> workers) {
        this.workers = workers;
    }

    /** The master's children now; none when the pid file is missing or unreadable. */
    static OldWorkers before(Path pidFile) {
        if (pidFile == null) {
            return new OldWorkers(List.of());
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return new OldWorkers(ProcessHandle.of(pid).map(m -> m.children().toList()).orElse(List.of()));
        } catch (IOException | NumberFormatException e) {
            return new OldWorkers(List.of());
        }
    }

    boolean allLetGo() {
        return workers.stream().allMatch(w -> !w.isAlive() || title(w).map(t -> t.contains("shutting down")).orElse(true));
    }

    private static Optional<String> title(ProcessHandle h) {
        try {
            byte[] b = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
            return Optional.of(new String(b, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException e) {
            return h.info().commandLine();
        }
    }
}
