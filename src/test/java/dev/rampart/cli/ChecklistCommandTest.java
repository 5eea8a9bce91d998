package dev.rampart.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A precondition with a command (a smoke test, "CI green") runs it as a real child process and records its exit code
 * and output as evidence; a command that fails is a failed gate and no traffic moves (item 4).
 */
class ChecklistCommandTest {
    @TempDir
    Path dir;

    private String planWith(Path check) {
        return """
                {"schema": "rampart/plan/v1", "change_id": "REL-GATE-1", "service": "checkout",
                 "stages": [{"name": "canary", "traffic_percent": 10, "min_duration": "PT30M"},
                            {"name": "ga", "traffic_percent": 100}],
                 "preconditions": [{"text": "CI green", "command": ["%s", "--branch", "main"]}],
                 "adapter": {"type": "simulator", "settings": {"time_scale": 3600}}}
                """.formatted(check);
    }

    private JsonNode start(String body) throws Exception {
        Path check = dir.resolve("ci-status");
        Files.writeString(check, "#!/bin/sh\necho \"checked $*\" >> '" + dir.resolve("ran.txt") + "'\n" + body + "\n");
        Files.setPosixFilePermissions(check, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, planWith(check));
        String db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        assertThat(CliRun.of("--db", db, "plan", "import", plan.toString()).exitCode()).isZero();
        CliRun started = CliRun.of("--db", db, "rollout", "start", "REL-GATE-1", "--json");
        assertThat(started.exitCode()).as(started.err()).isZero();
        return new ObjectMapper().readTree(started.out());
    }

    private static JsonNode event(JsonNode status, String type) {
        for (JsonNode e : status.get("events")) {
            if (e.get("type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " in " + status);
    }

    @Test
    void aPassingCheckCommandRunsAndItsOutcomeIsEvidence() throws Exception {
        JsonNode status = start("echo all green; exit 0");

        assertThat(Files.readString(dir.resolve("ran.txt"))).isEqualTo("checked --branch main\n");
        JsonNode checked = event(status, "checklist.checked").get("data");
        assertThat(checked.get("item").asText()).isEqualTo("CI green");
        assertThat(checked.get("exit_code").asText()).isEqualTo("0");
        assertThat(checked.get("output").asText()).contains("all green");
        assertThat(status.get("stage").asText()).isEqualTo("canary");
    }

    @Test
    void aFailingCheckCommandIsAFailedGateAndMovesNoTraffic() throws Exception {
        JsonNode status = start("echo 'pipeline 1234 is red'; exit 3");

        JsonNode checked = event(status, "checklist.checked").get("data");
        assertThat(checked.get("exit_code").asText()).isEqualTo("3");
        assertThat(checked.get("output").asText()).contains("pipeline 1234 is red");
        assertThat(status.get("stage").isNull()).isTrue();
        assertThat(status.get("state").asText()).isEqualTo("paused");
        assertThat(event(status, "rollout.paused").get("data").get("reason").asText()).contains("CI green");
    }
}
