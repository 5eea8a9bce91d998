package dev.rampart.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rampart.domain.rule.Threshold.Absolute;
import dev.rampart.domain.rule.Threshold.BaselineMultiple;
import dev.rampart.domain.rule.Threshold.BaselinePercentile;
import dev.rampart.domain.rule.Threshold.BaselinePoints;
import dev.rampart.domain.rule.Threshold.BaselineRelative;
import dev.rampart.domain.rule.Threshold.Sigma;
import dev.rampart.domain.rule.Threshold.Unit;

class RuleParserTest {

    private static Condition only(HaltRule rule) {
        assertThat(rule.conditions()).hasSize(1);
        return rule.conditions().get(0);
    }

    private static void assertAbsolute(Condition c, double value, Unit unit) {
        assertThat(c.threshold()).isInstanceOf(Absolute.class);
        Absolute a = (Absolute) c.threshold();
        assertThat(a.value()).isCloseTo(value, within(1e-12));
        assertThat(a.unit()).isEqualTo(unit);
    }

    @Nested
    class TheSeedExamples {
        @Test
        void errorRateInPct() {
            HaltRule rule = RuleParser.parseRule("error_rate>2pct");
            Condition c = only(rule);
            assertThat(c.metric()).isEqualTo("error_rate");
            assertThat(c.op()).isEqualTo(Comparison.GT);
            assertAbsolute(c, 0.02, Unit.PCT);
            assertThat(rule.window()).isNull();
            assertThat(rule.action()).isEqualTo(Action.ROLLBACK);
            assertThat(rule.text()).isEqualTo("error_rate>2pct");
        }

        @Test
        void bareLatencyAgainstTheBaselineP95() {
            Condition c = only(RuleParser.parseRule("latency>p95+30pct"));
            assertThat(c.metric()).isEqualTo(Metrics.LATENCY_P95);
            assertThat(c.written()).isEqualTo("latency");
            assertThat(c.threshold()).isEqualTo(new BaselinePercentile(95, 30));
        }

        @Test
        void errorRateInPercentForFiveMinutes() {
            HaltRule rule = RuleParser.parseRule("error_rate > 1% for 5m");
            assertAbsolute(only(rule), 0.01, Unit.PERCENT);
            assertThat(rule.window()).isEqualTo(Duration.ofMinutes(5));
            assertThat(rule.action()).isEqualTo(Action.ROLLBACK);
        }

        @Test
        void latencyMultipleOfBaseline() {
            HaltRule rule = RuleParser.parseRule("latency_p99 > 5x baseline for 10m");
            Condition c = only(rule);
            assertThat(c.metric()).isEqualTo(Metrics.LATENCY_P99);
            assertThat(c.threshold()).isEqualTo(new BaselineMultiple(5));
            assertThat(rule.window()).isEqualTo(Duration.ofMinutes(10));
        }

        @Test
        void fractionalPercent() {
            HaltRule rule = RuleParser.parseRule("engine_timeout_rate > 0.5% for 5m");
            assertThat(only(rule).metric()).isEqualTo(Metrics.ENGINE_TIMEOUT_RATE);
            assertAbsolute(only(rule), 0.005, Unit.PERCENT);
            assertThat(rule.window()).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void memoryPauses() {
            HaltRule rule = RuleParser.parseRule("memory > 90% for 5m -> pause");
            assertThat(only(rule).metric()).isEqualTo(Metrics.MEMORY);
            assertAbsolute(only(rule), 0.9, Unit.PERCENT);
            assertThat(rule.window()).isEqualTo(Duration.ofMinutes(5));
            assertThat(rule.action()).isEqualTo(Action.PAUSE);
        }

        @Test
        void sigma() {
            Condition c = only(RuleParser.parseRule("approval_denial_rate > 3sigma"));
            assertThat(c.metric()).isEqualTo(Metrics.APPROVAL_DENIAL_RATE);
            assertThat(c.threshold()).isEqualTo(new Sigma(3));
        }

        @Test
        void milliseconds() {
            HaltRule rule = RuleParser.parseRule("lcp_p75 > 2500ms for 15m");
            assertThat(only(rule).metric()).isEqualTo(Metrics.LCP_P75);
            assertAbsolute(only(rule), 2500, Unit.MILLIS);
            assertThat(rule.window()).isEqualTo(Duration.ofMinutes(15));
        }

        @Test
        void unitless() {
            HaltRule rule = RuleParser.parseRule("cls_p95 > 0.1 for 15m");
            assertThat(only(rule).metric()).isEqualTo(Metrics.CLS_P95);
            assertAbsolute(only(rule), 0.1, Unit.NONE);
            assertThat(rule.window()).isEqualTo(Duration.ofMinutes(15));
        }

        @Test
        void failedTransactions() {
            HaltRule rule = RuleParser.parseRule("failed_transactions > 0.1%");
            assertThat(only(rule).metric()).isEqualTo(Metrics.FAILED_TRANSACTIONS);
            assertAbsolute(only(rule), 0.001, Unit.PERCENT);
            assertThat(rule.window()).isNull();
        }

        @Test
        void whicheverIsHigherIsTwoConditions() {
            HaltRule rule = RuleParser.parseRule("error_rate > baseline+0.5pp and error_rate > baseline+20%");
            assertThat(rule.conditions()).hasSize(2);
            Condition points = rule.conditions().get(0);
            Condition relative = rule.conditions().get(1);
            assertThat(points.metric()).isEqualTo("error_rate");
            assertThat(points.threshold()).isEqualTo(new BaselinePoints(0.5));
            assertThat(points.column()).isEqualTo(1);
            assertThat(relative.metric()).isEqualTo("error_rate");
            assertThat(relative.op()).isEqualTo(Comparison.GT);
            assertThat(relative.threshold()).isEqualTo(new BaselineRelative(20));
            assertThat(relative.column()).isEqualTo(33);
        }
    }

    @Nested
    class OtherForms {
        @Test
        void baselineMinusPct() {
            Condition c = only(RuleParser.parseRule("approval_rate < baseline-10pct"));
            assertThat(c.op()).isEqualTo(Comparison.LT);
            assertThat(c.threshold()).isEqualTo(new BaselineRelative(-10));
        }

        @Test
        void baselineMinusPoints() {
            assertThat(only(RuleParser.parseRule("cpu<baseline-2pp")).threshold()).isEqualTo(new BaselinePoints(-2));
        }

        @Test
        void everyComparison() {
            assertThat(only(RuleParser.parseRule("cpu >= 80%")).op()).isEqualTo(Comparison.GE);
            assertThat(only(RuleParser.parseRule("cpu <= 80%")).op()).isEqualTo(Comparison.LE);
            assertThat(only(RuleParser.parseRule("cpu < 80%")).op()).isEqualTo(Comparison.LT);
            assertThat(only(RuleParser.parseRule("cpu > 80%")).op()).isEqualTo(Comparison.GT);
            assertThat(only(RuleParser.parseRule("cpu>=80%")).op()).isEqualTo(Comparison.GE);
        }

        @Test
        void upperCase() {
            HaltRule rule = RuleParser.parseRule("ERROR_RATE > 1% FOR 5M -> ALERT");
            Condition c = only(rule);
            assertThat(c.metric()).isEqualTo("error_rate");
            assertThat(c.written()).isEqualTo("ERROR_RATE");
            assertAbsolute(c, 0.01, Unit.PERCENT);
            assertThat(rule.window()).isEqualTo(Duration.ofMinutes(5));
            assertThat(rule.action()).isEqualTo(Action.ALERT);
        }

        @Test
        void noSpacesAtAll() {
            HaltRule rule = RuleParser.parseRule("error_rate>1%for5m->pause");
            assertAbsolute(only(rule), 0.01, Unit.PERCENT);
            assertThat(rule.window()).isEqualTo(Duration.ofMinutes(5));
            assertThat(rule.action()).isEqualTo(Action.PAUSE);
        }

        @Test
        void noSpacesBetweenWords() {
            HaltRule rule = RuleParser.parseRule("latency_p99>5xbaseline for1h->alert");
            assertThat(only(rule).threshold()).isEqualTo(new BaselineMultiple(5));
            assertThat(rule.window()).isEqualTo(Duration.ofHours(1));
            assertThat(RuleParser.parseRule("error_rate>2pctfor30s").window()).isEqualTo(Duration.ofSeconds(30));
            assertThat(RuleParser.parseRule("error_rate>2pctand cpu>0.5").conditions()).hasSize(2);
        }

        @Test
        void secondsBecomeMilliseconds() {
            Condition c = only(RuleParser.parseRule("latency > 2s"));
            assertThat(c.metric()).isEqualTo(Metrics.LATENCY_P95);
            assertAbsolute(c, 2000, Unit.SECONDS);
        }

        @Test
        void bareLatencyTakesThePercentileItsThresholdNames() {
            Condition c = only(RuleParser.parseRule("latency > p99+30pct"));
            assertThat(c.metric()).isEqualTo(Metrics.LATENCY_P99);
            assertThat(c.threshold()).isEqualTo(new BaselinePercentile(99, 30));
            assertThat(only(RuleParser.parseRule("latency > 5x baseline")).metric()).isEqualTo(Metrics.LATENCY_P95);
        }

        @Test
        void anExplicitPercentileMetricIsKept() {
            Condition c = only(RuleParser.parseRule("latency_p99 > p95-5%"));
            assertThat(c.metric()).isEqualTo(Metrics.LATENCY_P99);
            assertThat(c.threshold()).isEqualTo(new BaselinePercentile(95, -5));
        }

        @Test
        void decimalsWithAndWithoutLeadingZero() {
            assertAbsolute(only(RuleParser.parseRule("error_rate > .5%")), 0.005, Unit.PERCENT);
            assertThat(only(RuleParser.parseRule("error_rate > 1.5x baseline")).threshold())
                    .isEqualTo(new BaselineMultiple(1.5));
            assertThat(RuleParser.parseRule("cpu > 1% for 1.5h").window()).isEqualTo(Duration.ofMinutes(90));
        }

        @Test
        void unknownMetricsParse() {
            Condition c = only(RuleParser.parseRule("Checkout_Abandon_Rate2 > 3%"));
            assertThat(c.metric()).isEqualTo("checkout_abandon_rate2");
            assertThat(c.written()).isEqualTo("Checkout_Abandon_Rate2");
        }

        @Test
        void conditionColumnsPointAtTheirMetric() {
            HaltRule rule = RuleParser.parseRule("  error_rate > 1% and  latency_p99 > 5x baseline");
            assertThat(rule.conditions()).extracting(Condition::column).containsExactly(3, 24);
        }

        @Test
        void criterionHasNoAction() {
            HaltRule rule = RuleParser.parseCriterion("error_rate < 0.1% for 30m");
            assertThat(only(rule).op()).isEqualTo(Comparison.LT);
            assertThat(rule.window()).isEqualTo(Duration.ofMinutes(30));
            assertThat(rule.action()).isNull();
        }
    }

    @Nested
    class BadRules {
        private RuleSyntaxException rejected(String text) {
            try {
                RuleParser.parseRule(text);
            } catch (RuleSyntaxException e) {
                assertThat(e.getMessage()).isEqualTo("column " + e.column() + ": " + e.detail());
                return e;
            }
            throw new AssertionError("accepted: " + text);
        }

        @Test
        void misspeltBaseline() {
            RuleSyntaxException e = rejected("error_rate > bsaeline+20%");
            assertThat(e.column()).isEqualTo(14);
            assertThat(e.detail()).isEqualTo(
                    "expected a threshold (a number, \"baseline\", p50/p75/p95/p99) but found \"bsaeline\"");
        }

        @Test
        void misspeltBaselineAfterMultiple() {
            RuleSyntaxException e = rejected("latency_p99 > 5x basline for 10m");
            assertThat(e.column()).isEqualTo(18);
            assertThat(e.detail()).isEqualTo("expected \"baseline\" after \"5x\" but found \"basline\"");
        }

        @Test
        void missingOperator() {
            RuleSyntaxException e = rejected("error_rate 1%");
            assertThat(e.column()).isEqualTo(12);
            assertThat(e.detail()).isEqualTo("expected \">\", \">=\", \"<\" or \"<=\" after \"error_rate\" but found \"1\"");
            assertThat(rejected("error_rate = 1%").column()).isEqualTo(12);
        }

        @Test
        void missingThreshold() {
            RuleSyntaxException e = rejected("error_rate > for 5m");
            assertThat(e.column()).isEqualTo(14);
            assertThat(e.detail()).endsWith("but found \"for\"");
            RuleSyntaxException atEnd = rejected("error_rate >");
            assertThat(atEnd.column()).isEqualTo(13);
            assertThat(atEnd.detail()).endsWith("but found the end of the rule");
        }

        @Test
        void missingMetric() {
            RuleSyntaxException e = rejected("> 1%");
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.detail()).isEqualTo("expected a metric name such as error_rate but found \">\"");
            assertThat(rejected("error_rate > 1% and").column()).isEqualTo(20);
        }

        @Test
        void unknownThresholdUnit() {
            RuleSyntaxException e = rejected("error_rate > 5 mins");
            assertThat(e.column()).isEqualTo(16);
            assertThat(e.detail()).startsWith("unknown unit \"mins\" after 5: expected %, pct, ms, s");
        }

        @Test
        void unknownDurationUnit() {
            RuleSyntaxException e = rejected("error_rate > 1% for 5 mins");
            assertThat(e.column()).isEqualTo(23);
            assertThat(e.detail()).isEqualTo("expected s, m or h after the duration but found \"mins\"");
            assertThat(rejected("error_rate > 1% for 5").column()).isEqualTo(22);
        }

        @Test
        void unknownAction() {
            RuleSyntaxException e = rejected("error_rate > 1% -> halt");
            assertThat(e.column()).isEqualTo(20);
            assertThat(e.detail()).isEqualTo("unknown action \"halt\": expected pause, rollback or alert");
            assertThat(rejected("error_rate > 1% ->").column()).isEqualTo(19);
        }

        @Test
        void trailingGarbage() {
            RuleSyntaxException e = rejected("error_rate > 1% oops");
            assertThat(e.column()).isEqualTo(17);
            assertThat(e.detail()).isEqualTo("expected \"and\", \"for\" or \"->\" but found \"oops\"");
            RuleSyntaxException afterWindow = rejected("error_rate > 1% for 5m and cpu > 1%");
            assertThat(afterWindow.column()).isEqualTo(24);
            assertThat(afterWindow.detail()).isEqualTo("expected \"->\" or the end of the rule but found \"and\"");
            RuleSyntaxException afterAction = rejected("error_rate > 1% for 5m -> pause now");
            assertThat(afterAction.column()).isEqualTo(33);
            assertThat(afterAction.detail()).isEqualTo("expected the end of the rule but found \"now\"");
        }

        @Test
        void forWithoutDuration() {
            RuleSyntaxException e = rejected("error_rate > 1% for");
            assertThat(e.column()).isEqualTo(20);
            assertThat(e.detail()).isEqualTo(
                    "expected a duration such as 5m after \"for\" but found the end of the rule");
            assertThat(rejected("error_rate > 1% for -> pause").column()).isEqualTo(21);
        }

        @Test
        void zeroDuration() {
            RuleSyntaxException e = rejected("error_rate > 1% for 0m");
            assertThat(e.column()).isEqualTo(21);
            assertThat(e.detail()).isEqualTo("the duration must be more than zero");
            assertThat(rejected("error_rate > 1% for -5m").column()).isEqualTo(21);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void empty(String text) {
            RuleSyntaxException e = rejected(text);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.detail()).startsWith("empty rule");
        }

        @Test
        void nullIsEmpty() {
            assertThat(rejected(null).column()).isEqualTo(1);
        }

        @Test
        void badRelativeForms() {
            assertThat(rejected("error_rate > baseline 20%").detail())
                    .isEqualTo("expected \"+\" or \"-\" after \"baseline\" but found \"20\"");
            assertThat(rejected("error_rate > baseline+20").column()).isEqualTo(25);
            assertThat(rejected("error_rate > baseline+20 ms").detail())
                    .isEqualTo("expected %, pct or pp but found \"ms\"");
            assertThat(rejected("latency > p95+30pp").column()).isEqualTo(17);
            RuleSyntaxException p90 = rejected("latency > p90+30pct");
            assertThat(p90.column()).isEqualTo(11);
            assertThat(p90.detail()).isEqualTo("expected p50, p75, p95 or p99 but found \"p90\"");
        }

        @Test
        void anErrorInTheSecondConditionPointsIntoIt() {
            RuleSyntaxException e = rejected("error_rate > 1% and latency ~ 300");
            assertThat(e.column()).isEqualTo(29);
            assertThat(e.detail()).startsWith("expected \">\", \">=\", \"<\" or \"<=\" after \"latency\"");
        }

        @Test
        void criterionRejectsAnActionAtTheArrow() {
            assertThatThrownBy(() -> RuleParser.parseCriterion("error_rate < 0.1% for 30m -> pause"))
                    .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                        assertThat(e.column()).isEqualTo(27);
                        assertThat(e.detail()).contains("criterion takes no action");
                    });
            assertThatThrownBy(() -> RuleParser.parseCriterion("error_rate < 0.1%->pause"))
                    .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.column()).isEqualTo(18));
        }
    }

    @Nested
    class Resolution {
        private final Baseline baseline = new Baseline(
                Map.of("error_rate", 0.002, "latency_p95", 300.0, "latency_p99", 600.0, "approval_denial_rate", 0.01),
                Map.of("approval_denial_rate", 0.002));

        private double resolve(String rule) {
            return Thresholds.resolve(only(RuleParser.parseRule(rule)), baseline).orElseThrow();
        }

        @Test
        void everyThresholdForm() {
            assertThat(resolve("error_rate > 1%")).isCloseTo(0.01, within(1e-12));
            assertThat(resolve("latency > 2s")).isCloseTo(2000, within(1e-9));
            assertThat(resolve("latency > p95+30pct")).isCloseTo(390, within(1e-9));
            assertThat(resolve("latency > p99+30pct")).isCloseTo(780, within(1e-9));
            assertThat(resolve("latency_p99 > 5x baseline")).isCloseTo(3000, within(1e-9));
            assertThat(resolve("approval_denial_rate > 3sigma")).isCloseTo(0.016, within(1e-12));
            assertThat(resolve("error_rate > baseline+0.5pp")).isCloseTo(0.007, within(1e-12));
            assertThat(resolve("error_rate > baseline+20%")).isCloseTo(0.0024, within(1e-12));
            assertThat(resolve("latency_p95 < baseline-10pct")).isCloseTo(270, within(1e-9));
        }

        @Test
        void relativeWithoutABaselineIsEmpty() {
            Condition c = only(RuleParser.parseRule("cpu > 2x baseline"));
            assertThat(Thresholds.resolve(c, baseline)).isEmpty();
            assertThat(Thresholds.resolve(only(RuleParser.parseRule("error_rate > 3sigma")), baseline)).isEmpty();
        }
    }

    @Nested
    class UnitProblems {
        private java.util.List<String> problems(String rule) {
            return Metrics.unitProblems(only(RuleParser.parseRule(rule)));
        }

        @Test
        void fittingUnitsHaveNone() {
            assertThat(problems("error_rate > 1%")).isEmpty();
            assertThat(problems("latency > 2s")).isEmpty();
            assertThat(problems("cls_p95 > 0.1")).isEmpty();
            assertThat(problems("error_rate > baseline+0.5pp")).isEmpty();
            assertThat(problems("my_metric > 5 ms")).isEmpty();
        }

        @Test
        void mismatchesAreNamed() {
            assertThat(problems("latency_p95 > 5%")).containsExactly("latency_p95 is in milliseconds, not %");
            assertThat(problems("error_rate > 200ms")).hasSize(1);
            assertThat(problems("error_rate > 2")).singleElement().asString().contains("more than 100 %");
            assertThat(problems("cls_p95 > 10pct")).hasSize(1);
            assertThat(problems("latency_p95 > baseline+1pp")).hasSize(1);
            assertThat(problems("error_rate > p95+10%")).containsExactly("error_rate has no p95 to compare with");
        }
    }
}
