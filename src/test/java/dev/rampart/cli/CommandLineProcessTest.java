package dev.rampart.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real program in its own JVM: exit codes as a shell sees them, and no JavaFX for the command line. */
class CommandLineProcessTest {
    @TempDir
    Path dir;

    private record Result(int exitCode, String output) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return run(java.util.Map.of(), args);
    }

    private Result run(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), "dev.rampart.app.Main"));
        command.addAll(List.of(args));
        Path log = dir.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The child's data folder (its signing key, its witness) lies in the test's folder, and a new store's first
        // person sets their passphrase from a file: there is no terminal here.
        builder.environment().put("XDG_DATA_HOME", dir.resolve("xdg").toString());
        builder.environment().put("RAMPART_NEW_PASSPHRASE_FILE", firstPassphrase().toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private Path firstPassphrase() throws IOException {
        Path file = dir.resolve("first-passphrase.txt");
        if (!Files.exists(file)) {
            Files.writeString(file, "correct horse battery staple\n");
        }
        return file;
    }

    @Test
    void validatingAGoodPlanExitsZeroWithoutLoadingJavaFx() throws Exception {
        Result result = run("plan", "validate", "docs/examples/seed-004-feature-flags.json");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("dev.rampart.cli.PlanCommand").doesNotContain(" javafx.");
    }

    @Test
    void aBadPlanExitsTwoAndABadOptionToo() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"change_id\": \"C-1\", \"stages\": [\"canary\", \"120pct\"]}");
        Result result = run("plan", "validate", bad.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.output()).contains(bad + ":1:").doesNotContain(" javafx.");

        assertThat(run("plan", "validate").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void importAndExportThroughTheStoreNeverTouchJavaFx() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        Result imported = run("--db", db, "plan", "import", "docs/examples/seed-000-rollout-plan.json");
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        Result exported = run("--db", db, "plan", "export", "SC-2025-09-29-01");
        assertThat(exported.exitCode()).as(exported.output()).isZero();
        assertThat(exported.output()).contains("\"change_id\": \"SC-2025-09-29-01\"").doesNotContain(" javafx.");
    }

    @Test
    void theAgentTicksLiveRolloutsAndStopsCleanlyOnSigterm() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("agent-store").toAbsolutePath();
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, RolloutCommandTest.PLAN);
        assertThat(CliRun.of("--db", db, "plan", "import", plan.toString()).exitCode()).isZero();
        assertThat(CliRun.of("--db", db, "rollout", "start", "1").exitCode()).isZero();

        Path log = dir.resolve("agent.txt");
        ProcessBuilder agentProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.rampart.app.Main",
                "--db", db, "agent", "--interval", "PT0.1S")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The agent writes its health into the data folder: a temporary one, not the user's.
        agentProcess.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process agent = agentProcess.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // At 3600x, the canary's 30 minutes pass in half a second: wait until the agent has moved the rollout on.
        while (!Files.readString(log).contains("rollout 1: running, stage 1") && System.nanoTime() < deadline) {
            assertThat(agent.isAlive()).as(Files.readString(log)).isTrue();
            Thread.sleep(50);
        }
        assertThat(Files.readString(log)).contains("agent: watching").contains("rollout 1: running, stage 1");

        agent.destroy(); // SIGTERM
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("agent: stopped cleanly");

        CliRun status = CliRun.of("--db", db, "rollout", "status", "1", "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("\"state\" : \"running\"").contains("\"stage\" : \"25pct\"");
    }

    @Test
    void theFirstPersonSetsTheirPassphraseFromAFileAndSignsAnEmergencyPromote() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("promote-store").toAbsolutePath();
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, RolloutCommandTest.PLAN);
        assertThat(run("--db", db, "plan", "import", plan.toString()).exitCode()).isZero();
        assertThat(run("--db", db, "rollout", "start", "1").exitCode()).isZero();
        Path secret = firstPassphrase();
        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "tr0ub4dor&3x\n");

        Result refused = run(java.util.Map.of("RAMPART_PASSPHRASE_FILE", wrong.toString()),
                "--db", db, "rollout", "promote", "1", "--force", "--reason", "security fix");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).containsIgnoringCase("passphrase").doesNotContain("tr0ub4dor");
        assertThat(dir.resolve("xdg").resolve("rampart").resolve("keys")).isDirectory();

        Result promoted = run(java.util.Map.of("RAMPART_PASSPHRASE_FILE", secret.toString()),
                "--db", db, "rollout", "promote", "1", "--force", "--reason", "security fix");
        assertThat(promoted.exitCode()).as(promoted.output()).isZero();
        assertThat(promoted.output()).contains(": completed").doesNotContain("correct horse");
    }
}
