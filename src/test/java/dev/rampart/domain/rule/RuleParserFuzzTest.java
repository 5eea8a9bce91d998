package dev.rampart.domain.rule;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the halt-rule grammar (issue 11, item 8): any line either parses into a rule whose
 * numbers are finite and whose window is positive, or is refused with a {@link RuleSyntaxException} at a column
 * inside the line. Seeds: rules from the seeds and product.md.
 */
class RuleParserFuzzTest {
    @FuzzTest(maxDuration = "15s")
    @DisabledIfSystemProperty(named = "rampart.fuzz.long", matches = "true")
    void fuzz(byte[] input) {
        parse(input);
    }

    @FuzzTest(maxDuration = "10m")
    @EnabledIfSystemProperty(named = "rampart.fuzz.long", matches = "true")
    void fuzzLong(byte[] input) {
        parse(input);
    }

    static void parse(byte[] input) {
        String line = new String(input, StandardCharsets.UTF_8);
        for (boolean halt : new boolean[] {true, false}) {
            try {
                HaltRule rule = halt ? RuleParser.parseRule(line) : RuleParser.parseCriterion(line);
                assertThat(rule.conditions()).isNotEmpty();
                if (rule.window() != null) {
                    assertThat(rule.window().isNegative() || rule.window().isZero()).isFalse();
                }
                for (Condition c : rule.conditions()) {
                    assertThat(finite(c.threshold())).as("threshold of %s", line).isTrue();
                    assertThat(c.column()).isBetween(1, line.length());
                }
            } catch (RuleSyntaxException e) {
                assertThat(e.column()).as("column of %s", line).isBetween(1, line.length() + 1);
            }
        }
    }

    private static boolean finite(Threshold t) {
        if (t instanceof Threshold.Absolute a) {
            return Double.isFinite(a.value());
        } else if (t instanceof Threshold.BaselineMultiple m) {
            return Double.isFinite(m.factor());
        } else if (t instanceof Threshold.BaselineRelative r) {
            return Double.isFinite(r.percent());
        } else if (t instanceof Threshold.BaselinePoints p) {
            return Double.isFinite(p.points());
        } else if (t instanceof Threshold.BaselinePercentile p) {
            return Double.isFinite(p.percent());
        } else if (t instanceof Threshold.Sigma s) {
            return Double.isFinite(s.sigmas());
        }
        return true;
    }
}
