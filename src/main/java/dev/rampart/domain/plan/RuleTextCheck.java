package dev.rampart.domain.plan;

import dev.rampart.domain.rule.Condition;
import dev.rampart.domain.rule.HaltRule;
import dev.rampart.domain.rule.Metrics;
import dev.rampart.domain.rule.RuleParser;
import dev.rampart.domain.rule.RuleSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks the rule lines of a plan: halt rules and stage criteria parse, and name metrics the plan knows. */
final class RuleTextCheck {
    private final Set<String> planMetrics;

    RuleTextCheck(MetricSettings metrics) {
        this.planMetrics = metrics == null ? Set.of() : metrics.queries().keySet();
    }

    void haltRule(String pointer, String text, List<PlanIssue> out) {
        check(pointer, text, "halt rule", out);
    }

    void criterion(String pointer, String text, String what, List<PlanIssue> out) {
        check(pointer, text, what, out);
    }

    private void check(String pointer, String text, String what, List<PlanIssue> out) {
        if (text == null || text.isBlank()) {
            out.add(PlanIssue.at(pointer, what + " is empty"));
            return;
        }
        HaltRule rule;
        try {
            rule = what.equals("halt rule") ? RuleParser.parseRule(text) : RuleParser.parseCriterion(text);
        } catch (RuleSyntaxException e) {
            out.add(new PlanIssue(pointer, e.column(), what + ": " + e.detail()));
            return;
        }
        for (Condition c : rule.conditions()) {
            if (!Metrics.isBuiltIn(c.metric()) && !planMetrics.contains(c.metric())
                    && !planMetrics.contains(c.written())) {
                out.add(new PlanIssue(pointer, c.column(),
                        what + ": unknown metric \"" + c.written() + "\"; known: " + known()));
            }
            for (String unit : Metrics.unitProblems(c)) {
                out.add(new PlanIssue(pointer, c.column(), what + ": " + unit));
            }
        }
    }

    private String known() {
        List<String> names = new ArrayList<>(Metrics.ALL);
        planMetrics.stream().sorted().forEach(names::add);
        return String.join(", ", names);
    }
}
