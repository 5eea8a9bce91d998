package dev.rampart.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Texts that are not JSON or YAML, or hold a value of the wrong type: one problem where the parser stopped. */
class PlanSyntaxErrorTest {
    private static final String HEAD = "{\"schema\": \"rampart/plan/v1\", \"change_id\": \"C-1\", \"service\": \"svc\",\n";

    private final PlanImporter importer = new PlanImporter();

    private List<String> problems(String file, String text) {
        ImportResult result = importer.importText(file, text);
        assertThat(result.plan()).as("no plan from a text that cannot be read").isNull();
        return result.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aTrailingCommaIsAtTheCharacterAfterIt() {
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": 100},]}"))
                .containsExactly("p.json:2:52: not valid JSON: Unexpected character (']' (code 93)): expected a valid"
                        + " value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void aMissingCommaOrQuoteIsAtTheCharacterThatGaveItAway() {
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": \"ga\" \"traffic_percent\": 100}]}"))
                .containsExactly("p.json:2:27: not valid JSON: Unexpected character ('\"' (code 34)): was expecting"
                        + " comma to separate Object entries");
        assertThat(problems("p.json", HEAD + " stages: []}"))
                .containsExactly("p.json:2:2: not valid JSON: Unexpected character ('s' (code 115)): was expecting"
                        + " double-quote to start field name");
    }

    @Test
    void aTextThatEndsTooSoonSaysSoWithoutJacksonsSourceDump() {
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": 100}]"))
                .containsExactly("p.json:2:52: not valid JSON: Unexpected end-of-input: expected close marker for"
                        + " Object");
    }

    @Test
    void aKeyGivenTwiceIsAtItsSecondOccurrence() {
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": 100}],"
                + " \"stages\": []}")).containsExactly("p.json:2:54: key \"stages\" appears twice in the same object");
        assertThat(problems("p.yaml", "schema: rampart/plan/v1\nstages: []\nschema: x\n"))
                .containsExactly("p.yaml:3:1: key \"schema\" appears twice in the same object");
    }

    @Test
    void aTextWhereANumberBelongsIsAtTheValue() {
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": \"lots\"}]}"))
                .containsExactly("p.json:2:47: traffic_percent: expected a number, found the text \"lots\"");
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": \"25\"}]}"))
                .containsExactly("p.json:2:47: traffic_percent: expected a number, found the text \"25\"");
    }

    @Test
    void wrongTypesNameWhatBelongsThere() {
        String stage = " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": 100";
        assertThat(problems("p.json", HEAD + stage + ", \"min_duration\": \"1h\"}]}")).containsExactly(
                "p.json:2:68: min_duration: expected an ISO-8601 duration such as PT30M or PT24H,"
                        + " found the text \"1h\"");
        assertThat(problems("p.json", HEAD + stage + ", \"enabled\": \"yes\"}]}")).containsExactly(
                "p.json:2:63: enabled: expected true or false, found the text \"yes\"");
        assertThat(problems("p.json", HEAD + " \"stages\": {\"ga\": 100}}")).containsExactly(
                "p.json:2:12: stages: expected a list, found an object");
        assertThat(problems("p.json", HEAD + stage + "}], \"schedule\": {\"start\": \"tomorrow\"}}")).containsExactly(
                "p.json:2:76: start: expected a date and time such as 2026-12-01T09:00, found the text \"tomorrow\"");
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": {\"x\": 1}, \"traffic_percent\": 100}]}"))
                .containsExactly("p.json:2:22: name: expected a text, found an object");
    }

    @Test
    void aNullInAListIsAtTheNull() {
        assertThat(problems("p.json", HEAD + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": 100}],"
                + " \"halt_rules\": [\"error_rate > 1%\", null]}"))
                .containsExactly("p.json:2:88: halt_rules item 2: null is not allowed here");
    }

    @Test
    void unknownKeysAreStillReportedNextToAWrongType() {
        String text = HEAD + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": \"all\", \"colour\": 1}],\n"
                + " \"tags\": [\"x\"]}";

        List<String> problems = problems("p.json", text);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).isEqualTo("p.json:2:47: traffic_percent: expected a number, found the text"
                + " \"all\"");
        assertThat(problems.get(1)).startsWith("p.json:2:54: unknown key \"colour\" in stage;");
        assertThat(problems.get(2)).startsWith("p.json:3:2: unknown key \"tags\" in plan;");
    }

    @Test
    void anEmptyFileOrOneThatIsNoObjectIsAtTheStart() {
        assertThat(problems("p.json", "")).containsExactly("p.json:1:1: the file is empty; expected a plan");
        assertThat(problems("p.yaml", "  \n")).containsExactly("p.yaml:1:1: the file is empty; expected a plan");
        assertThat(problems("p.json", "[1, 2]")).containsExactly("p.json:1:1: expected a plan (an object), found a list");
    }

    @Test
    void yamlSyntaxAndTypeErrorsArePlacedToo() {
        assertThat(problems("p.yaml", "schema: rampart/plan/v1\nstages:\n  - name: ga\n   traffic_percent: 100\n"))
                .containsExactly("p.yaml:4:4: not valid YAML: expected <block end>, but found '<block mapping start>'"
                        + " (while parsing a block collection)");
        assertThat(problems("p.yaml", "schema: rampart/plan/v1\nstages:\n  - name: ga\n    traffic_percent: lots\n"))
                .containsExactly("p.yaml:4:22: traffic_percent: expected a number, found the text \"lots\"");
    }
}
