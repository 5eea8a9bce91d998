package dev.rampart.domain.plan;

import dev.rampart.domain.rule.Condition;
import dev.rampart.domain.rule.HaltRule;
import dev.rampart.domain.rule.Metrics;
import dev.rampart.domain.rule.RuleParser;
import dev.rampart.domain.rule.RuleSyntaxException;
import dev.rampart.domain.rule.Threshold;

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
            if (!Double.isFinite(number(c.threshold()))) {
                out.add(new PlanIssue(pointer, thresholdColumn(text, c), what + ": the threshold of " + c.written()
                        + " is not a finite number; write one that is (a comparison with infinity never decides)"));
            }
        }
        if (rule.window() != null && rule.window().compareTo(PlanLimits.LONGEST) > 0) {
            out.add(new PlanIssue(pointer, Math.max(1, text.toLowerCase(java.util.Locale.ROOT).lastIndexOf(" for ") + 2),
                    what + ": the window " + rule.window() + " is longer than the " + PlanLimits.LONGEST.toDays()
                            + " days Rampart allows"));
        }
    }

    /** The number a threshold is written with (factor, percent, points, sigmas or value). */
    private static double number(Threshold t) {
        if (t instanceof Threshold.Absolute a) {
            return a.value();
        } else if (t instanceof Threshold.BaselineMultiple m) {
            return m.factor();
        } else if (t instanceof Threshold.BaselineRelative r) {
            return r.percent();
        } else if (t instanceof Threshold.BaselinePoints p) {
            return p.points();
        } else if (t instanceof Threshold.BaselinePercentile p) {
            return p.percent();
        } else if (t instanceof Threshold.Sigma s) {
            return s.sigmas();
        }
        return 0;
    }

    /** The 1-based column where the condition's threshold starts: after the metric, the operator and spaces. */
    static int thresholdColumn(String text, Condition c) {
        int i = Math.min(text.length(), c.column() - 1 + c.written().length());
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        i = Math.min(text.length(), i + c.op().symbol().length());
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i + 1;
    }

    private String known() {
        List<String> names = new ArrayList<>(Metrics.ALL);
        planMetrics.stream().sorted().forEach(names::add);
        return String.join(", ", names);
    }
}
