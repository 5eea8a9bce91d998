package dev.rampart.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The attacks of issue 11 on plan files ("Inputs"): each one is a problem at a line and column, never a crash,
 * never a plan that says something else than the file.
 */
class HostileInputTest {
    private static final String HEAD = "{\"schema\": \"rampart/plan/v1\", \"change_id\": \"C-1\", \"service\": \"svc\",\n";
    private static final String GA = " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": 100}]";

    private final PlanImporter importer = new PlanImporter();

    private List<String> problems(String file, String text) {
        return importer.importText(file, text).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aFlagFileHaltConditionOf1e309IsAProblemAtItsValueNotACrash() {
        String flags = """
                {"canary": {"enabled": true, "version": "1.0",
                  "cohorts": {"ga": {"percentage": 100}},
                  "halt_conditions": {"error_rate": 1e309}}}
                """;
        assertThatCode(() -> importer.importText("flags.json", flags)).doesNotThrowAnyException();
        assertThat(problems("flags.json", flags)).containsExactly(
                "flags.json:3:37: error_rate: 1e309 is not a finite number (beyond ±1.8e308)");
    }

    @Test
    void aRuleWithAPercentileTooLargeForAnIntegerIsAProblemInTheRule() {
        List<String> found = problems("p.json", HEAD + GA + ",\n \"halt_rules\": [\"latency > p99999999999+1%\"]}");
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("p.json:3:28: halt rule: expected p50, p75, p95 or p99");
    }

    @Test
    void jsonFollowedByMoreJsonIsRefusedWhereTheSecondStarts() {
        assertThat(problems("p.json", HEAD + GA + "}\n{\"schema\": \"other\"}"))
                .containsExactly("p.json:3:1: not valid JSON: more follows the end of the document; a file holds exactly one");
        assertThat(problems("p.yaml", "schema: rampart/plan/v1\nchange_id: C\nstages: []\n---\nschema: x\n"))
                .containsExactly("p.yaml:5:1: not valid YAML: more follows the end of the document; a file holds exactly one");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        byte[] text = (HEAD + GA + "}\n").getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        Files.write(file, all);
        ImportResult result = importer.importFile(file);
        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(importer.importText("p.yaml", "\uFEFFschema: rampart/plan/v1\nchange_id: C\nservice: s\n"
                + "stages: [{name: ga, traffic_percent: 100}]\n").ok()).isTrue();
    }

    @Test
    void devZeroIsReadOnlyUpToTheCapAndRefusedWithAPlace() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        // /dev/zero never ends: reading it whole runs the JVM out of memory
        ImportResult result = importer.importFile(zero);
        assertThat(result.plan()).isNull();
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "/dev/zero:1:4194305: the file goes on past 4 MiB (4194304 bytes), the most Rampart reads;"
                        + " is it the right file?");
    }

    @Test
    void aFileJustOverTheCapIsRefusedAndOneAtTheCapIsRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        String body = HEAD + GA + ", \"description\": \"";
        int room = 4 * 1024 * 1024 - body.length() - 3;
        Files.writeString(big, body + "x".repeat(room) + "\"}\n");
        assertThat(Files.size(big)).isEqualTo(4 * 1024 * 1024);
        assertThat(importer.importFile(big).problems()).isEmpty();
        Files.writeString(big, body + "x".repeat(room + 1) + "\"}\n");
        assertThat(importer.importFile(big).problems()).extracting(Problem::toString).containsExactly(
                big + ":2:4194237: the file goes on past 4 MiB (4194304 bytes), the most Rampart reads;"
                        + " is it the right file?");
    }

    @Test
    void aHugeYamlScalarIsRefusedAtItsStartWithoutParsingIt() {
        String text = "schema: rampart/plan/v1\ndescription: " + "x".repeat(3_000_000) + "\n";
        assertThat(problems("p.yaml", text)).containsExactly("p.yaml:2:14: a word of more than 65536 characters"
                + " without a space or line break; Rampart does not read YAML values that long (use JSON)");
    }

    @Test
    void invalidUtf8IsAProblemAtTheByte(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        byte[] head = (HEAD + " \"description\": \"caf").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 3];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9; // Latin-1 é
        all[head.length + 1] = '"';
        all[head.length + 2] = '}';
        Files.write(file, all);
        assertThat(importer.importFile(file).problems()).extracting(Problem::toString).containsExactly(
                file + ":2:21: not UTF-8 text (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void minApprovalsOutsideOneToTheNumberOfRolesIsAProblem() {
        String approvals = ",\n \"approvals\": {\"required_roles\": [\"product\", \"security\"], \"min_approvals\": ";
        assertThat(problems("p.json", HEAD + GA + approvals + "3}}")).containsExactly(
                "p.json:3:76: min_approvals 3 is more than the 2 roles that can sign a gate of this plan");
        assertThat(problems("p.json", HEAD + GA + approvals + "0}}")).containsExactly(
                "p.json:3:76: min_approvals 0 must be at least 1");
        assertThat(problems("p.json", HEAD + GA + approvals + "-2}}")).containsExactly(
                "p.json:3:76: min_approvals -2 must be at least 1");
        assertThat(problems("p.json", HEAD + GA + approvals + "2}}")).isEmpty();
    }

    @Test
    void minApprovalsThatOverflowOrAreNotWholeAreProblemsAtTheValue() {
        String approvals = ",\n \"approvals\": {\"required_roles\": [\"product\", \"security\"], \"min_approvals\": ";
        assertThat(problems("p.json", HEAD + GA + approvals + "3000000000}}")).containsExactly(
                "p.json:3:76: min_approvals: expected a whole number from -2147483648 to 2147483647,"
                        + " found the number 3000000000");
        assertThat(problems("p.json", HEAD + GA + approvals + "1.5}}")).containsExactly(
                "p.json:3:76: min_approvals: expected a whole number, found the number 1.5");
    }

    @Test
    void aGateRoleNobodyCanHoldIsAProblemAtTheRole() {
        assertThat(problems("p.json", HEAD + GA + ",\n \"approvals\": {\"required_roles\": [\"product\", \"observer\"]}}"))
                .containsExactly("p.json:3:46: required role \"observer\" cannot sign: an observer only watches;"
                        + " name an approver role such as product, security, sre");
        assertThat(problems("p.json", HEAD + GA + ",\n \"approvals\": {\"required_roles\": [\"42\"]}}"))
                .containsExactly("p.json:3:35: required role \"42\" is not a role name: use letters, digits and"
                        + " underscores, starting with a letter (e.g. schema_steward)");
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": 100,"
                + " \"approvals\": [\"admin\"]}]}")).containsExactly("p.json:2:66: stage ga: approval role \"admin\""
                + " cannot sign: an admin manages the store, not releases; name an approver role such as product,"
                + " security, sre");
    }

    @Test
    void haltConditionsGivenAsAListAreAProblemNotZeroRules() {
        String flags = """
                {"canary": {"enabled": true, "version": "1.0",
                  "cohorts": {"ga": {"percentage": 100}},
                  "halt_conditions": [{"error_rate": 0.01}]}}
                """;
        ImportResult result = importer.importText("flags.json", flags);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "flags.json:3:22: halt_conditions: expected an object of conditions by name (error_rate: 0.01),"
                        + " found a list");
    }

    @Test
    void aCohortGivenAsAListIsAProblemAtItsLine() {
        String flags = """
                {"canary": {"enabled": true, "version": "1.0",
                  "cohorts": {"beta": [10], "ga": {"percentage": 100}}}}
                """;
        assertThat(problems("flags.json", flags)).containsExactly(
                "flags.json:2:23: cohort beta: expected an object (percentage, users, enabled), found a list");
    }

    @Test
    void fourEyesGivenAsANumberIsAProblemNotFalse() {
        assertThat(problems("p.json", HEAD + GA + ",\n \"approvals\": {\"required_roles\": [\"product\"],"
                + " \"four_eyes\": 0}}")).containsExactly("p.json:3:60: four_eyes: expected true or false,"
                + " found the number 0");
    }

    @Test
    void yamlAliasesAreRefusedAtTheAliasNeverReadAsTheAnchorsName() {
        String yaml = """
                schema: rampart/plan/v1
                change_id: C-1
                service: &svc checkout
                description: *svc
                stages: [{name: ga, traffic_percent: 100}]
                """;
        ImportResult result = importer.importText("p.yaml", yaml);
        assertThat(result.plan()).isNull();
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "p.yaml:4:14: YAML alias *svc: Rampart does not follow aliases; write the value out");
    }

    @Test
    void infiniteAndOverflowingNumbersAnywhereAreProblemsAtTheValue() {
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": 1e400}]}"))
                .containsExactly("p.json:2:47: traffic_percent: 1e400 is not a finite number (beyond ±1.8e308)");
        assertThat(problems("p.yaml", "schema: rampart/plan/v1\nchange_id: C\nservice: s\n"
                + "stages: [{name: ga, traffic_percent: -1e999}]\n"))
                .containsExactly("p.yaml:4:38: traffic_percent: -1e999 is not a finite number (beyond ±1.8e308)");
    }

    @Test
    void aHaltRuleNumberBeyondDoubleIsAProblemNotInfinity() {
        List<String> found = problems("p.json", HEAD + GA + ",\n \"halt_rules\": [\"error_rate > 1" + "0".repeat(400)
                + "%\"]}");
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("p.json:3:31: halt rule: the number 1000").endsWith(
                " is too large: a threshold must be a finite number");
    }

    @Test
    void aRuleDurationThatOverflowsIsAProblem() {
        List<String> found = problems("p.json", HEAD + GA + ",\n \"halt_rules\": [\"error_rate > 1% for "
                + "9".repeat(30) + "h\"]}");
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("p.json:3:38: halt rule: the duration ").endsWith(
                " is too long: at most 366 days");
    }
}
