package dev.rampart.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {
    static final String PLAN = "docs/examples/checkout-plan.rampart.json";
    static final String SPIKE = "docs/examples/scenario-error-spike.json";

    @TempDir
    Path dir;

    @Test
    void anErrorSpikeAtFortyMinutesHaltsAtFortyFiveAndRollsBack() {
        CliRun run = CliRun.of("simulate", PLAN, "--scenario", SPIKE);
        assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(run.out()).containsPattern("PT45M +rollout.halted +internal_test error_rate > 1% for 5m: "
                + "error_rate 0\\.0\\d+ > 0\\.01 held PT5M");
        assertThat(run.out()).contains("final state: rolled_back, rollback time 8 s");
    }

    @Test
    void theJsonTimelineHasTheFieldsOfTheSpecification() throws IOException {
        CliRun run = CliRun.of("simulate", PLAN, "--scenario", SPIKE, "--json");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("final_state").asText()).isEqualTo("rolled_back");
        assertThat(json.get("rollback_time_seconds").asDouble()).isEqualTo(8.0);
        JsonNode halt = null;
        for (JsonNode e : json.get("events")) {
            if (e.get("type").asText().equals("rollout.halted")) {
                halt = e;
            }
        }
        assertThat(halt).isNotNull();
        assertThat(halt.get("at").asText()).isEqualTo("PT45M");
        assertThat(halt.get("stage").asText()).isEqualTo("internal_test");
        assertThat(halt.get("rule").asText()).isEqualTo("error_rate > 1% for 5m");
        assertThat(halt.get("threshold").asText()).isEqualTo("0.01");
        assertThat(Double.parseDouble(halt.get("value").asText())).isGreaterThan(0.01);
    }

    @Test
    void aQuietServiceCompletes() {
        CliRun run = CliRun.of("simulate", "docs/examples/seed-000-rollout-plan.json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("final state: completed");
    }

    @Test
    void aBrokenScenarioIsBadInputThatSaysWhere() throws IOException {
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "{\"tick\": \"every minute\"}");
        CliRun run = CliRun.of("simulate", PLAN, "--scenario", scenario.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains(scenario + ":1:10: tick: ");
    }

    @Test
    void aScenarioProblemIsAtItsLineAndColumnOnStandardOutput() throws IOException {
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "{\"seed\": 7,\n \"tick\": \"every minute\"}");
        CliRun run = CliRun.of("simulate", PLAN, "--scenario", scenario.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains(scenario + ":2:10: tick: expected an ISO-8601 duration such as PT1M,"
                + " found the text \"every minute\"");
    }

    @Test
    void aScenarioValueOf1e309IsBadInputAtItsPlace() throws IOException {
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "{\"events\": [\n {\"at\": \"PT1M\", \"cohort\": \"canary\","
                + " \"metric\": \"error_rate\", \"value\": 1e309}]}");
        CliRun run = CliRun.of("simulate", PLAN, "--scenario", scenario.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains(scenario + ":2:70: value: 1e309 is not a finite number (beyond ±1.8e308)");
    }

    @Test
    void aScenarioFollowedByMoreJsonOrWithASeedBeyondALongIsRefused() throws IOException {
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "{\"seed\": 7}\n{\"seed\": 8}");
        CliRun run = CliRun.of("simulate", PLAN, "--scenario", scenario.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains(scenario + ":2:1: not valid JSON: more follows the end of the document");
        Files.writeString(scenario, "{\"seed\": 99999999999999999999999}");
        run = CliRun.of("simulate", PLAN, "--scenario", scenario.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains(scenario + ":1:10: seed: expected a whole number from "
                + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", found the number 99999999999999999999999");
    }

    @Test
    void eventsGivenAsAnObjectAreNamedNotIgnored() throws IOException {
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "{\"events\": {\"at\": \"PT1M\"}}");
        CliRun run = CliRun.of("simulate", PLAN, "--scenario", scenario.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains(scenario + ":1:12: events: expected a list of events, found an object");
    }

    @Test
    void devZeroAsAScenarioIsReadOnlyUpToTheCap() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")));
        CliRun run = CliRun.of("simulate", PLAN, "--scenario", "/dev/zero");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains("/dev/zero:1:4194305: the file goes on past 4 MiB");
    }

    @Test
    void aYamlScenarioIsReadToo() throws IOException {
        Path scenario = dir.resolve("scenario.yaml");
        Files.writeString(scenario, "seed: 7\ntick: PT1M\nbaseline: {latency_p95: 300}\n");
        CliRun run = CliRun.of("simulate", "docs/examples/seed-000-rollout-plan.json", "--scenario",
                scenario.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }
}
