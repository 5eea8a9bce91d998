package dev.rampart.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rampart.domain.plan.Plan;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the plan reader (issue 11, item 8): any text, as JSON and as YAML, gives an
 * {@link ImportResult} and never an exception; a stored plan reads back as itself. Seeds: the example plans
 * ({@code src/test/resources/dev/rampart/format/PlanReaderFuzzTestInputs/fuzz}). {@code mvn verify} fuzzes for a
 * short fixed time, {@code mvn verify -Pfuzz} for long (decision 0019).
 */
class PlanReaderFuzzTest {
    private static final PlanImporter IMPORTER = new PlanImporter();
    private static final PlanFormat FORMAT = new PlanFormat();

    @FuzzTest(maxDuration = "15s")
    @DisabledIfSystemProperty(named = "rampart.fuzz.long", matches = "true")
    void fuzz(byte[] input) {
        read(input);
    }

    @FuzzTest(maxDuration = "10m")
    @EnabledIfSystemProperty(named = "rampart.fuzz.long", matches = "true")
    void fuzzLong(byte[] input) {
        read(input);
    }

    static void read(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (String name : new String[] {"plan.json", "plan.yaml"}) {
            ImportResult result = IMPORTER.importText(name, text);
            result.problems().forEach(p -> assertThat(p.file()).isEqualTo(name));
            if (result.ok()) {
                // what may be stored is written and read back as the same plan, as the store does
                Plan plan = result.plan();
                assertThat(FORMAT.read(FORMAT.write(plan, Format.JSON), Format.JSON)).isEqualTo(plan);
            }
        }
    }
}
