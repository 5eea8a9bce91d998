package dev.rampart.installer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The systemd unit the packages install for {@code rampart agent} (installer/linux/rampart-agent.service). */
class AgentServiceUnitTest {
    private static final Path UNIT = Path.of("installer/linux/rampart-agent.service");

    @TempDir
    Path dir;

    @Test
    void theUnitRunsTheAgentWithTheStoreFromTheEnvironmentAndStopsItWithSigterm() throws Exception {
        String unit = Files.readString(UNIT);
        String exec = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        assertThat(exec).isEqualTo("ExecStart=@APP@/bin/rampart agent --status-file /run/rampart-agent/status.json");
        assertThat(exec).as("no password on the command line").doesNotContain("--db");
        assertThat(unit).contains("EnvironmentFile=/etc/rampart/agent.env", "KillSignal=SIGTERM", "Restart=on-failure",
                "DynamicUser=yes", "WantedBy=multi-user.target");
        assertThat(Files.readString(Path.of("installer/build.sh"))).contains("installer/linux/rampart-agent.service");
        assertThat(Files.readString(Path.of("installer/linux/package-hooks.sh"))).contains("rampart-agent.service");
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Path app = dir.resolve("app");
        Files.createDirectories(app.resolve("bin"));
        Path launcher = Files.writeString(app.resolve("bin/rampart"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path unit = dir.resolve("rampart-agent.service");
        Files.writeString(unit, Files.readString(UNIT).replace("@APP@", app.toString()));
        Process verify = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true)
                .start();
        String said = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(said).isZero();
    }
}
