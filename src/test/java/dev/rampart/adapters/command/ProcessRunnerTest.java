package dev.rampart.adapters.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessRunnerTest {
    @TempDir
    Path dir;

    private ProcessRunner runner(Map<String, String> env) {
        return new ProcessRunner(dir, env, 4096, List.of("hunter22-secret"));
    }

    @Test
    void passesArgumentsLiterallyWithoutAShell() throws Exception {
        Path script = Scripts.write(dir, "args.sh", "for a in \"$@\"; do echo \"[$a]\"; done; pwd");
        CommandResult r = runner(Map.of()).run(List.of(script.toString(), "2.1.0; rm -rf /", "$HOME", "*"),
                Duration.ofSeconds(10));
        assertThat(r.succeeded()).isTrue();
        assertThat(r.output()).contains("[2.1.0; rm -rf /]", "[$HOME]", "[*]", dir.toRealPath().toString());
    }

    @Test
    void theChildSeesOnlyTheEnvironmentItIsGiven() throws Exception {
        CommandResult r = runner(Map.of("ONLY_THIS", "yes")).run(List.of("/usr/bin/env"), Duration.ofSeconds(10));
        assertThat(r.output()).contains("ONLY_THIS=yes").doesNotContain("HOME=", "PATH=");
    }

    @Test
    void nonZeroExitIsAProblemAndKeepsTheOutput() throws Exception {
        Path script = Scripts.write(dir, "fail.sh", "echo migrating; echo 'boom: table locked' >&2; exit 3");
        CommandResult r = runner(Map.of()).run(List.of(script.toString()), Duration.ofSeconds(10));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.problem()).isEqualTo("exited with status 3");
        assertThat(r.output()).contains("migrating", "boom: table locked");
    }

    @Test
    void aHungCommandIsKilledAtItsTimeout() {
        long t0 = System.nanoTime();
        CommandResult r = runner(Map.of()).run(List.of("/bin/sleep", "30"), Duration.ofMillis(300));
        assertThat(r.problem()).startsWith("timed out after PT0.3S");
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aJavaChildThatSpawnsAGrandchildAndHangsIsKilledWithItsWholeTree() throws Exception {
        String cp = System.getProperty("java.class.path");
        CommandResult r = runner(Map.of()).run(List.of(Scripts.java(), "-cp", cp, Spawner.class.getName()),
                Duration.ofSeconds(8));
        assertThat(r.problem()).startsWith("timed out");
        long grandchild = Scripts.number(r.output(), "grandchild");
        assertThat(Scripts.gone(grandchild)).as("grandchild %d killed", grandchild).isTrue();
    }

    @Test
    void aGrandchildLeftRunningAfterTheCommandExitsIsFoundAndKilled() throws Exception {
        // the script exits at once; its background sleep is re-parented away from us before we ever see it
        Path script = Scripts.write(dir, "stray.sh", "/bin/sleep 600 &\necho grandchild=$!\nexit 0");
        CommandResult r = runner(Map.of()).run(List.of(script.toString()), Duration.ofSeconds(5));
        assertThat(r.succeeded()).isTrue();
        assertThat(r.leftovers()).isEqualTo(1);
        assertThat(r.evidence()).containsEntry("leftover_processes_killed", "1");
        assertThat(Scripts.gone(Scripts.number(r.output(), "grandchild"))).isTrue();
    }

    @Test
    void outputIsBoundedKeepingItsStartAndEnd() throws Exception {
        Path script = Scripts.write(dir, "chatty.sh",
                "echo FIRST; i=0; while [ $i -lt 2000 ]; do echo line $i; i=$((i+1)); done; echo LAST");
        CommandResult r = runner(Map.of()).run(List.of(script.toString()), Duration.ofSeconds(10));
        assertThat(r.truncated()).isTrue();
        assertThat(r.output()).startsWith("FIRST").contains("bytes left out").endsWith("LAST\n");
        assertThat(r.output().length()).isLessThan(4200);
    }

    @Test
    void secretValuesAreMaskedInArgvAndOutput() throws Exception {
        CommandResult r = runner(Map.of()).run(List.of("/bin/echo", "token=hunter22-secret"), Duration.ofSeconds(5));
        assertThat(r.output()).doesNotContain("hunter22-secret").contains("token=••••••");
        assertThat(String.join(" ", r.argv())).doesNotContain("hunter22-secret");
    }

    @Test
    void aMissingProgramIsAProblemNotACrash() {
        CommandResult r = runner(Map.of()).run(List.of(dir.resolve("nope").toString()), Duration.ofSeconds(5));
        assertThat(r.problem()).startsWith("could not be started");
    }
}
