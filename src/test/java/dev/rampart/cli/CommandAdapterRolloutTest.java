package dev.rampart.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout driven through the command adapter from the command line: every stage and the rollback run a real
 * child process, and what it did is filed as evidence in the rollout's audit trail.
 */
class CommandAdapterRolloutTest {
    @TempDir
    Path dir;

    @Test
    void stagesAndTheRollbackRunTheConfiguredCommandsAndLeaveEvidence() throws Exception {
        Path calls = dir.resolve("calls.txt");
        Path deploy = dir.resolve("deploy");
        Files.writeString(deploy, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\necho \"deployed $*\"\n");
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"schema": "rampart/plan/v1", "change_id": "REL-CMD-1", "service": "checkout",
                 "version": "2.1.0", "previous_version": "2.0.4",
                 "stages": [{"name": "canary", "traffic_percent": 10, "min_duration": "PT30M"},
                            {"name": "ga", "traffic_percent": 100}],
                 "adapter": {"type": "command", "settings": {
                   "working_directory": "%s", "timeout": "PT30S",
                   "actions": {"apply_traffic": ["%s", "weight", "{cohort}", "{percent}", "{change_id}"],
                               "rollback": ["%s", "rollback", "{previous_version}"]}}},
                 "metrics": {"source": "prometheus", "settings": {"url": "http://127.0.0.1:9"}}}
                """.formatted(dir, deploy, deploy));
        String db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        assertThat(CliRun.of("--db", db, "plan", "import", plan.toString()).exitCode()).isZero();

        CliRun started = CliRun.of("--db", db, "rollout", "start", "REL-CMD-1");
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).contains("running at stage canary");
        CliRun rolledBack = CliRun.of("--db", db, "rollout", "rollback", "1", "--reason", "canary errors");
        assertThat(rolledBack.exitCode()).as(rolledBack.err()).isZero();
        assertThat(rolledBack.out()).contains("rolled_back");

        assertThat(Files.readAllLines(calls)).containsExactly("weight canary 10 REL-CMD-1", "rollback 2.0.4");
        JsonNode status = new ObjectMapper().readTree(
                CliRun.of("--db", db, "rollout", "status", "1", "--json").out());
        List<String> evidence = new ArrayList<>();
        for (JsonNode e : status.get("events")) {
            if (e.get("type").asText().startsWith("adapter.")) {
                evidence.add(e.get("type").asText() + " " + e.get("data"));
            }
        }
        assertThat(evidence).anySatisfy(e -> assertThat(e).startsWith("adapter.apply_traffic")
                .contains("deployed weight canary 10"));
        assertThat(evidence).anySatisfy(e -> assertThat(e).startsWith("adapter.rollback").contains("2.0.4"));
    }

    @Test
    void outputFiledInTheAuditTrailIsScrubbedOfEverySecretThePlanReferencesWhateverItsKey() throws Exception {
        Path token = dir.resolve("prometheus.token");
        Files.writeString(token, "prom-7d1c2b3a4f5e\n");
        Path deploy = dir.resolve("deploy");
        // prints a literal someone wrote under a secret-looking key, and a secret the plan names for another adapter
        Files.writeString(deploy, "#!/bin/sh\necho \"api=$API_TOKEN\"\necho \"prom=$(cat '" + token + "')\"\n");
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"schema": "rampart/plan/v1", "change_id": "REL-CMD-2", "service": "checkout",
                 "version": "2.1.0", "previous_version": "2.0.4",
                 "stages": [{"name": "canary", "traffic_percent": 10, "min_duration": "PT30M"},
                            {"name": "ga", "traffic_percent": 100}],
                 "adapter": {"type": "command", "settings": {
                   "working_directory": "%s", "timeout": "PT30S",
                   "environment": {"set": {"API_TOKEN": "lit-4b5c6d7e8f"}},
                   "actions": {"apply_traffic": ["%s"], "rollback": ["%s"]}}},
                 "metrics": {"source": "prometheus", "settings": {"url": "http://127.0.0.1:9",
                   "scrape_auth": {"file": "%s"}}}}
                """.formatted(dir, deploy, deploy, token));
        String db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        CliRun imported = CliRun.of("--db", db, "plan", "import", plan.toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        CliRun started = CliRun.of("--db", db, "rollout", "start", "REL-CMD-2");
        assertThat(started.exitCode()).as(started.err()).isZero();
        String trail = CliRun.of("--db", db, "rollout", "status", "1", "--json").out();
        assertThat(trail).contains("adapter.apply_traffic").contains("api=").contains("prom=")
                .doesNotContain("lit-4b5c6d7e8f").doesNotContain("prom-7d1c2b3a4f5e");
    }
}
