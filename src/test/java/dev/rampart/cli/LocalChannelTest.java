package dev.rampart.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local channel of a console-like holder, in real processes: who may open it, a second window refused with a
 * reason, and the agent standing by while the console holds the store, taking over when it closes.
 */
@EnabledOnOs(OS.LINUX)
class LocalChannelTest {
    @TempDir
    Path dir;
    private RampartProcess rampart;
    private Path data;
    private final List<Process> started = new ArrayList<>();
    private Process holder;
    private Path holderLog;

    @BeforeEach
    void holdTheDefaultStoreAsTheConsoleDoes() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        data = dir.resolve("data");
        rampart = new RampartProcess(dir, Map.of("XDG_DATA_HOME", data.toString()), dir.resolve("logs"));
        holderLog = dir.resolve("logs/holder.txt");
        holder = rampart.start(holderLog, ConsoleLikeHolder.class);
        started.add(holder);
        RampartProcess.awaitLine(holder, holderLog, "child> holding", 60);
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void theChannelIsOnlyTheOwnersAndASecondWindowIsRefusedWithTheReason() throws Exception {
        Path folder = data.resolve("rampart").resolve(LocalChannel.FOLDER);
        Path socket = folder.resolve("rampart.sock");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");

        RampartProcess.Result people = rampart.run("people", "list");
        assertThat(people.exitCode()).as(people.toString()).isZero();
        assertThat(people.out()).contains(Globals.osUser());

        RampartProcess.Result window = rampart.run("--smoke");
        assertThat(window.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(window.err()).contains("held by the console (pid " + holder.pid() + ")");

        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return; // another user's attempts need root to run them as "nobody", and python3 to connect
        }
        // Another user: the 0700 folder keeps them from the socket; with the folder opened up by mistake, the holder
        // still checks who is calling (SO_PEERCRED) and refuses.
        for (Path p = folder.getParent(); p.startsWith(dir.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx--x--x"));
        }
        assertThat(asNobody(socket)).contains("PermissionError");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(asNobody(socket)).startsWith("D").contains("the store belongs to root; nobody may not use it");
    }

    @Test
    void theAgentStandsByWhileTheConsoleHoldsTheStoreAndTakesOverWhenItCloses() throws Exception {
        Path log = dir.resolve("logs/agent.txt");
        Path status = dir.resolve("agent-status.json");
        Process agent = rampart.startRampart(log, "agent", "--interval", "PT0.2S", "--status-file", status.toString());
        started.add(agent);
        RampartProcess.awaitLine(agent, log, "agent: standby", 60);
        assertThat(Files.readString(log)).contains("the console (pid " + holder.pid() + ") holds the store");
        RampartProcess.Result health = rampart.run("agent", "--health", "--status-file", status.toString());
        assertThat(health.exitCode()).as(health.toString()).isZero();
        assertThat(health.out()).startsWith("agent: standby");

        holder.getOutputStream().close(); // the console's window closes
        assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        RampartProcess.awaitLine(agent, log, "agent: watching", 60);

        // Now the agent holds the store, and commands reach it.
        RampartProcess.Result people = rampart.run("people", "list");
        assertThat(people.exitCode()).as(people.toString()).isZero();
        RampartProcess.Result healthy = rampart.run("agent", "--health", "--status-file", status.toString());
        assertThat(healthy.out()).startsWith("agent: watching");
    }

    /** Connects to {@code socket} as the user "nobody" and prints the first bytes the holder sends, or the error. */
    private static String asNobody(Path socket) throws Exception {
        String script = "import socket,sys\n"
                + "s = socket.socket(socket.AF_UNIX)\n"
                + "try:\n"
                + "    s.connect(sys.argv[1])\n"
                + "    data = s.recv(4096)\n"
                + "    print(chr(data[0]) + data[5:].decode('utf-8', 'replace'))\n"
                + "except Exception as e:\n"
                + "    print(type(e).__name__, e)\n";
        Process p = new ProcessBuilder("runuser", "-u", "nobody", "--", "python3", "-c", script, socket.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes());
    }
}
