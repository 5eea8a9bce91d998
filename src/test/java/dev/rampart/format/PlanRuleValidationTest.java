package dev.rampart.format;

import dev.rampart.domain.rule.RuleParser;
import dev.rampart.domain.rule.RuleSyntaxException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Halt rules and stage criteria checked with the real rule parser: a bad rule is a problem at the column of the
 * rule string's first character plus the parser's own column.
 */
class PlanRuleValidationTest {
    private static final String HEAD = "{\"schema\": \"rampart/plan/v1\", \"change_id\": \"C-1\", \"service\": \"svc\",\n"
            + " \"stages\": [{\"name\": \"ga\", \"traffic_percent\": 100}],\n";

    private final PlanImporter importer = new PlanImporter();

    private List<String> problems(String file, String text) {
        return importer.importText(file, text).problems().stream().map(Problem::toString).toList();
    }

    private static RuleSyntaxException ruleError(String rule) {
        return catchThrowableOfType(RuleSyntaxException.class, () -> RuleParser.parseRule(rule));
    }

    @Test
    void aBadHaltRuleIsAtTheStringStartPlusTheParsersColumn() {
        String text = HEAD + " \"halt_rules\": [\"error_rate > 1% for 5m\",\n   \"error_rate > 1% fro 5m\"]}";
        RuleSyntaxException e = ruleError("error_rate > 1% fro 5m");

        // line 4 is `   "error_rate > 1% fro 5m"]}`: the quote is column 4, the rule's first character column 5
        assertThat(problems("p.json", text)).containsExactly(
                "p.json:4:" + (5 + e.column() - 1) + ": halt rule: " + e.detail());
    }

    @Test
    void theTypoItselfIsPointedAt() {
        // "fro" starts at the rule's column 17
        assertThat(ruleError("error_rate > 1% fro 5m").column()).isEqualTo(17);
        assertThat(problems("p.json", HEAD + " \"halt_rules\": [\n   \"error_rate > 1% fro 5m\"]}").get(0))
                .startsWith("p.json:4:21: halt rule: ");
    }

    @Test
    void aBadRuleInYamlCountsFromItsPlainOrQuotedStart() {
        String text = """
                schema: rampart/plan/v1
                stages:
                  - {name: ga, traffic_percent: 100}
                halt_rules:
                  - error_rate > 1% fro 5m
                  - 'error_rate > 1% fro 5m'
                """;
        RuleSyntaxException e = ruleError("error_rate > 1% fro 5m");

        assertThat(problems("p.yaml", text)).containsExactly(
                "p.yaml:5:" + (5 + e.column() - 1) + ": halt rule: " + e.detail(),
                "p.yaml:6:" + (6 + e.column() - 1) + ": halt rule: " + e.detail());
    }

    @Test
    void aRuleOnAnUnknownMetricIsAtTheMetric() {
        String text = HEAD + " \"halt_rules\": [\"erorr_rate > 1% for 5m\", \"error_rate > 1% and foo > 2\"]}";

        List<String> problems = problems("p.json", text);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("p.json:3:18: halt rule: unknown metric \"erorr_rate\"; known:"
                + " error_rate, failed_transactions,");
        // the second string's quote is column 43, "foo" its 21st character
        assertThat(problems.get(1)).startsWith("p.json:3:64: halt rule: unknown metric \"foo\"");
    }

    @Test
    void aMetricDefinedByItsQueryIsKnown() {
        String text = HEAD + " \"halt_rules\": [\"checkout_conversion < baseline-10% for 30m -> pause\"],\n"
                + " \"metrics\": {\"source\": \"prometheus\", \"queries\": {\"checkout_conversion\": \"sum(orders)\"}}}";

        assertThat(problems("p.json", text)).isEmpty();
    }

    @Test
    void aCriterionMayNotNameAnAction() {
        String text = """
                {"schema": "rampart/plan/v1",
                 "stages": [{"name": "ga", "traffic_percent": 100,
                   "exit": ["error_rate < 0.1% for 30m -> pause"]}]}
                """;
        RuleSyntaxException e = catchThrowableOfType(RuleSyntaxException.class,
                () -> RuleParser.parseCriterion("error_rate < 0.1% for 30m -> pause"));

        assertThat(problems("p.json", text)).containsExactly(
                "p.json:3:" + (14 + e.column() - 1) + ": exit criterion: " + e.detail());
    }

    @Test
    void theSeedRulesAndTheCheckoutExampleAllParse() {
        for (String example : List.of("seed-000-rollout-plan.json", "seed-004-feature-flags.json",
                "checkout-plan.rampart.json")) {
            assertThat(importer.importText(example, PlanFixtures.example(example)).problems()).as(example).isEmpty();
        }
        assertThat(importer.importText("p.json", new PlanFormat().write(PlanFixtures.everyField(), Format.JSON))
                .problems()).isEmpty();
    }

    @Test
    void aBadSeed000RuleIsPlacedInsideItsRollbackOnString() {
        String text = "{\"change_id\": \"SC-1\", \"stages\": [\"canary\", \"100pct\"],\n"
                + " \"rollback_on\": [\"error_rate>>2pct\"]}";
        RuleSyntaxException e = ruleError("error_rate>>2pct");

        assertThat(problems("r.json", text)).containsExactly(
                "r.json:2:" + (19 + e.column() - 1) + ": halt rule: " + e.detail());
    }
}
