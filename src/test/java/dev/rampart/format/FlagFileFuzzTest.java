package dev.rampart.format;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of seed 004's flag-file importer (issue 11, item 8). Raw text rarely gets past the
 * parser, so the fuzzer fills a flag file's shape with values of its choosing: cohort names, percentages and
 * halt conditions written as any text at all (numbers such as 1e309, lists, objects, nothing).
 */
class FlagFileFuzzTest {
    private static final PlanImporter IMPORTER = new PlanImporter();
    private static final String[] CONDITIONS = {"error_rate", "latency_multiplier", "lcp_p75_ms", "cls_p95",
            "error_rate_pct", "latency_p99_ms", "cpu", "memory_multiplier", "inp_p75", "x"};

    @FuzzTest(maxDuration = "15s")
    @DisabledIfSystemProperty(named = "rampart.fuzz.long", matches = "true")
    void fuzz(FuzzedDataProvider data) {
        read(data);
    }

    @FuzzTest(maxDuration = "10m")
    @EnabledIfSystemProperty(named = "rampart.fuzz.long", matches = "true")
    void fuzzLong(FuzzedDataProvider data) {
        read(data);
    }

    static void read(FuzzedDataProvider data) {
        boolean yaml = data.consumeBoolean();
        StringBuilder cohorts = new StringBuilder();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            cohorts.append(i == 0 ? "" : ", ").append(quoted(data.consumeString(12))).append(": {\"percentage\": ")
                    .append(data.consumeString(24)).append(", \"users\": ").append(data.consumeString(16)).append("}");
        }
        StringBuilder conditions = new StringBuilder();
        int m = data.consumeInt(0, 4);
        for (int i = 0; i < m; i++) {
            String key = data.consumeBoolean() ? data.pickValue(CONDITIONS) : data.consumeString(16);
            conditions.append(i == 0 ? "" : ", ").append(quoted(key)).append(": ").append(data.consumeString(24));
        }
        String halt = data.consumeBoolean() ? "{" + conditions + "}" : "[" + conditions + "]";
        String text = "{\"canary\": {\"enabled\": " + data.consumeString(8) + ", \"version\": "
                + quoted(data.consumeString(8)) + ",\n \"cohorts\": {" + cohorts + "},\n \"halt_conditions\": " + halt
                + "}}" + data.consumeRemainingAsString();
        String name = yaml ? "flags.yaml" : "flags.json";
        ImportResult result = IMPORTER.importText(name, text);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
        if (result.ok()) {
            assertThat(result.plan().stages()).isNotEmpty();
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
