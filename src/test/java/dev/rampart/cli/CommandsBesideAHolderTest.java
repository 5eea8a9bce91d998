package dev.rampart.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code rampart} command beside a process holding the default H2 store (issue 12, item 5), all of them real
 * processes: the agent holds the store in the user's data folder, and command lines run beside it with their exit
 * codes, output, relative paths and passphrases as without it.
 */
class CommandsBesideAHolderTest {
    @TempDir
    Path dir;
    private RampartProcess rampart;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void defaultStoreInATemporaryDataFolder() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        // The default store: no --db, the data folder is $XDG_DATA_HOME/rampart.
        rampart = new RampartProcess(dir, Map.of("XDG_DATA_HOME", dir.resolve("data").toString()), dir.resolve("logs"));
        Files.writeString(dir.resolve("plan.json"), RolloutCommandTest.PLAN.replace("\"time_scale\": 3600",
                "\"time_scale\": 1"));
        Files.writeString(dir.resolve("second.json"), RolloutCommandTest.PLAN.replace("SC-2025-09-29-01", "REL-2"));
        Files.writeString(dir.resolve("bad.json"), "{\"change_id\": \"C-1\", \"stages\": [\"canary\", \"120pct\"]}");
        Files.writeString(dir.resolve("secret.txt"), "correct horse battery staple\n");
        Files.writeString(dir.resolve("wrong.txt"), "tr0ub4dor\n");
        RampartProcess.Result imported = rampart.run("plan", "import", "plan.json");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
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
    void everyCommandWorksBesideTheAgentHoldingTheDefaultStore() throws Exception {
        Path log = dir.resolve("logs/agent.txt");
        Process agent = rampart.startRampart(log, "agent", "--interval", "PT0.2S",
                "--status-file", dir.resolve("agent-status.json").toString());
        started.add(agent);
        RampartProcess.awaitLine(agent, log, "agent: watching", 60);

        RampartProcess.Result start = rampart.run("rollout", "start", "SC-2025-09-29-01");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.out()).contains("rollout 1 of SC-2025-09-29-01: running");

        // Two at once, as a script beside the window would.
        CompletableFuture<RampartProcess.Result> a = CompletableFuture.supplyAsync(() -> run("rollout", "status", "1", "--json"));
        CompletableFuture<RampartProcess.Result> b = CompletableFuture.supplyAsync(() -> run("people", "list", "--json"));
        RampartProcess.Result status = a.get(150, TimeUnit.SECONDS);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.get("state").asText()).isEqualTo("running");
        assertThat(json.get("started_by").asText()).isEqualTo(Globals.osUser());
        assertThat(b.get(150, TimeUnit.SECONDS).exitCode()).isZero();

        RampartProcess.Result paused = rampart.run("rollout", "pause", "1", "--reason", "checking dashboards");
        assertThat(paused.exitCode()).as(paused.toString()).isZero();
        assertThat(paused.out()).contains(": paused");
        RampartProcess.Result resumedTwice = rampart.run("rollout", "pause", "1");
        assertThat(resumedTwice.exitCode()).as(resumedTwice.toString()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(resumedTwice.err()).startsWith("rampart: ");
        RampartProcess.Result resumed = rampart.run("rollout", "resume", "1");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();

        RampartProcess.Result missing = rampart.run("rollout", "status", "99");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("no rollout 99");

        RampartProcess.Result second = rampart.run("plan", "import", "second.json");
        assertThat(second.exitCode()).as("a path relative to the caller's folder: " + second).isZero();
        assertThat(second.out().strip()).isEqualTo("2");
        RampartProcess.Result bad = rampart.run("plan", "import", "bad.json");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.out()).contains("bad.json:1:");

        RampartProcess.Result exported = rampart.run("plan", "export", "REL-2", "--out", "exported.json");
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        assertThat(dir.resolve("exported.json")).content().contains("\"change_id\": \"REL-2\"");

        // Passphrases are read where the person is: from their file, or asked on their terminal.
        RampartProcess.Result noTerminal = rampart.run("rollout", "promote", "1", "--force", "--reason", "fix");
        assertThat(noTerminal.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noTerminal.err()).contains("no terminal to ask on");
        // The signing key made at the first start (RampartProcess's first passphrase, the same as secret.txt's).
        RampartProcess.Result set = rampart.run(Map.of("RAMPART_PASSPHRASE_FILE",
                dir.resolve("secret.txt").toString()), "people", "enrol");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        RampartProcess.Result refused = rampart.run(Map.of("RAMPART_PASSPHRASE_FILE",
                dir.resolve("wrong.txt").toString()), "rollout", "promote", "1", "--force", "--reason", "fix");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).containsIgnoringCase("passphrase").doesNotContain("tr0ub4dor");
        RampartProcess.Result promoted = rampart.run(Map.of("RAMPART_PASSPHRASE_FILE",
                dir.resolve("secret.txt").toString()), "rollout", "promote", "1", "--force", "--reason", "fix");
        assertThat(promoted.exitCode()).as(promoted.toString()).isZero();
        assertThat(promoted.out()).contains(": completed");

        RampartProcess.Result verified = rampart.run("audit", "verify");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        RampartProcess.Result health = rampart.run("agent", "--health",
                "--status-file", dir.resolve("agent-status.json").toString());
        assertThat(health.exitCode()).as(health.toString()).isZero();
        assertThat(health.out()).startsWith("agent: watching");
        assertThat(Files.readString(log)).doesNotContain("Exception");
    }

    private RampartProcess.Result run(String... args) {
        try {
            return rampart.run(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
