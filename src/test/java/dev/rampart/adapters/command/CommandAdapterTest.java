package dev.rampart.adapters.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandAdapterTest {
    @TempDir
    Path dir;
    final List<String> evidence = new ArrayList<>();
    final Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "DEPLOY_TOKEN", "tok-123456");

    private DeploymentAdapter adapter(Map<String, Object> settings) throws AdapterException {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.putIfAbsent("working_directory", dir.toString());
        AdapterContext ctx = new AdapterContext("checkout", "2.1.0", "2.0.4", s, Clock.systemUTC(),
                "REL-2026-12-01-01", (action, details) -> evidence.add(action + " " + details));
        return CommandAdapterProvider.create(ctx, env);
    }

    private Path log() {
        return dir.resolve("calls.log");
    }

    private String recorder() throws Exception {
        return Scripts.write(dir, "rec.sh", "echo \"$@\" >> calls.log; echo token=$DEPLOY_TOKEN home=$HOME").toString();
    }

    @Test
    void fillsPlaceholdersAndRunsActionsInOrderApplicationThenDatabase() throws Exception {
        String rec = recorder();
        DeploymentAdapter a = adapter(Map.of(
                "environment", Map.of("allow", List.of("PATH"), "set", Map.of("DEPLOY_TOKEN", Map.of("env", "DEPLOY_TOKEN"))),
                "actions", Map.of(
                        "apply_traffic", List.of(rec, "weight", "{cohort}", "{percent}", "{change_id}"),
                        "rollback", List.of(rec, "rollback", "VERSION={previous_version}"),
                        "database_downgrade", Map.of("argv", List.of(rec, "downgrade", "{service}"), "timeout", "PT30S"))));
        TrafficSplit five = new TrafficSplit(Map.of("canary", 5.0));
        assertThat(a.applyTraffic(five, "k1")).isEqualTo(five);
        assertThat(a.applyTraffic(new TrafficSplit(Map.of("canary", 5.0, "beta", 25.0)), "k2").newVersionPercent()).isEqualTo(25);
        assertThat(a.applyTraffic(five, "k1")).as("a repeated key does not run again").isEqualTo(five);
        assertThat(a.rollback("k3")).isEqualTo(TrafficSplit.none());
        assertThat(Files.readAllLines(log())).containsExactly("weight canary 5 REL-2026-12-01-01",
                "weight beta 25 REL-2026-12-01-01", "rollback VERSION=2.0.4", "downgrade checkout");
        assertThat(String.join("\n", evidence)).contains("exit_code=0", "argv=" + rec + " weight canary 5")
                .doesNotContain("tok-123456").contains("token=••••••").contains("home=\n");
    }

    private DeploymentAdapter adapterForVersion(String version, Map<String, Object> actions) throws AdapterException {
        Map<String, Object> s = new LinkedHashMap<>(Map.of("working_directory", dir.toString(), "actions", actions));
        AdapterContext ctx = new AdapterContext("checkout", version, "2.0.4", s, Clock.systemUTC(),
                "REL-1", (action, details) -> evidence.add(action + " " + details));
        return CommandAdapterProvider.create(ctx, env);
    }

    @Test
    void aPlaceholderValueThatWouldStartAnOptionIsRefusedBeforeAnythingRuns() throws Exception {
        Path input = Files.writeString(dir.resolve("input.txt"), "b\na\n");
        Path pwned = dir.resolve("pwned");
        DeploymentAdapter a = adapterForVersion("--output=" + pwned, Map.of(
                "apply_traffic", List.of("sort", "{version}", input.toString()), "rollback", List.of("/bin/true")));
        assertThatThrownBy(() -> a.applyTraffic(new TrafficSplit(Map.of("canary", 10.0)), "k"))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("{version}").hasMessageContaining("would start an option")
                .satisfies(e -> assertThat(((AdapterException) e).retryable()).isFalse());
        assertThat(pwned).doesNotExist();
        assertThat(evidence).isEmpty();
    }

    @Test
    void valuesWithSpacesOrControlCharactersAreRefusedToo() throws Exception {
        DeploymentAdapter a = adapterForVersion("2.1.0\n--force", Map.of(
                "apply_traffic", List.of("/bin/echo", "{version}"), "rollback", List.of("/bin/true")));
        assertThatThrownBy(() -> a.applyTraffic(new TrafficSplit(Map.of("canary", 10.0)), "k"))
                .isInstanceOf(AdapterException.class).hasMessageContaining("{version}");
    }

    @Test
    void aTemplateThatNeedsALeadingDashSaysSo() throws Exception {
        DeploymentAdapter a = adapterForVersion("-rc1", Map.of(
                "apply_traffic", List.of("/bin/echo", "suffix", "{version:dash}"), "rollback", List.of("/bin/true")));
        a.applyTraffic(new TrafficSplit(Map.of("canary", 10.0)), "k");
        assertThat(evidence).singleElement().asString().contains("argv=/bin/echo suffix -rc1");
        assertThatThrownBy(() -> adapterForVersion("1", Map.of("apply_traffic", List.of("echo", "{version:raw}"),
                "rollback", List.of("/bin/true")))).isInstanceOf(AdapterException.class)
                .hasMessageContaining("{version:raw}");
    }

    @Test
    void aFailingCommandIsAnAdapterErrorWithItsOutput() throws Exception {
        Path fail = Scripts.write(dir, "fail.sh", "echo 'error: rollout checkout not found' >&2; exit 1");
        DeploymentAdapter a = adapter(Map.of("actions", Map.of("apply_traffic", List.of(fail.toString(), "{percent}"),
                "rollback", List.of(fail.toString()))));
        assertThatThrownBy(() -> a.applyTraffic(new TrafficSplit(Map.of("canary", 10.0)), "k"))
                .isInstanceOf(CommandFailure.class)
                .hasMessageContaining("apply_traffic").hasMessageContaining("exited with status 1")
                .hasMessageContaining("rollout checkout not found");
        assertThat(evidence).singleElement().asString().contains("problem=exited with status 1");
    }

    @Test
    void aHungCommandTimesOutAsAnAdapterError() throws Exception {
        DeploymentAdapter a = adapter(Map.of("timeout", "PT0.3S", "actions", Map.of(
                "apply_traffic", List.of("/bin/sleep", "30"), "rollback", List.of("/bin/true"))));
        assertThatThrownBy(() -> a.applyTraffic(new TrafficSplit(Map.of("canary", 10.0)), "k"))
                .isInstanceOf(AdapterException.class).hasMessageContaining("timed out after PT0.3S");
    }

    @Test
    void currentWeightsComeFromTheCommandsOutput() throws Exception {
        Path weights = Scripts.write(dir, "weights.sh", "echo '{\"canary\": 10, \"beta\": 25}'");
        Path number = Scripts.write(dir, "number.sh", "echo 0");
        DeploymentAdapter a = adapter(Map.of("actions", Map.of("apply_traffic", List.of("/bin/true"),
                "rollback", List.of("/bin/true"), "current_weights", List.of(weights.toString()))));
        assertThat(a.currentWeights().weights()).containsEntry("canary", 10.0).containsEntry("beta", 25.0);
        DeploymentAdapter b = adapter(Map.of("actions", Map.of("apply_traffic", List.of("/bin/true"),
                "rollback", List.of("/bin/true"), "current_weights", List.of(number.toString()))));
        assertThat(b.currentWeights()).isEqualTo(TrafficSplit.none());
    }

    @Test
    void aFailedSmokeTestFailsTheAction() throws Exception {
        Path smoke = Scripts.write(dir, "smoke.sh", "echo 'GET /health -> 503'; exit 2");
        DeploymentAdapter a = adapter(Map.of("actions", Map.of("apply_traffic", List.of("/bin/true"),
                "rollback", List.of("/bin/true"), "smoke_test", List.of(smoke.toString(), "{version}"))));
        assertThatThrownBy(() -> a.applyTraffic(new TrafficSplit(Map.of("canary", 10.0)), "k"))
                .hasMessageContaining("smoke_test").hasMessageContaining("503");
    }

    @Test
    void badSettingsAreRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> adapter(Map.of("actions", Map.of("apply_traffic", List.of("deploy", "{weight}"),
                "rollback", List.of("/bin/true")))))
                .hasMessageContaining("adapter command.actions.apply_traffic uses unknown placeholder {weight}");
        assertThatThrownBy(() -> adapter(Map.of("actions", Map.of("apply_traffic", List.of("/bin/true")))))
                .hasMessageContaining("actions.rollback is required");
        assertThatThrownBy(() -> adapter(Map.of("environment", Map.of("set", Map.of("API_TOKEN", Map.of("value", "x"))),
                "actions", Map.of("apply_traffic", List.of("/bin/true"), "rollback", List.of("/bin/true")))))
                .hasMessageContaining("is a secret: name it by reference");
    }

    @Test
    void theWorkedExamplesAreValidPlansWhoseSettingsTheAdapterTakes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path examples = Path.of("docs/examples/adapters");
        List<String> names = List.of("command-argo-rollouts.json", "command-make-rollback.json",
                "command-alembic-downgrade.json");
        for (String name : names) {
            @SuppressWarnings("unchecked")
            Map<String, Object> plan = json.readValue(examples.resolve(name).toFile(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> adapter = (Map<String, Object>) plan.get("adapter");
            assertThat(adapter).containsEntry("type", "command");
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = new LinkedHashMap<>((Map<String, Object>) adapter.get("settings"));
            settings.put("working_directory", dir.toString());
            assertThat(adapter(settings)).as(name).isNotNull();
        }
    }
}
