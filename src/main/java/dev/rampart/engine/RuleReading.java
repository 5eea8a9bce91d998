package dev.rampart.engine;

import dev.rampart.domain.rule.Baseline;
import dev.rampart.domain.rule.Condition;
import dev.rampart.domain.rule.HaltRule;
import dev.rampart.domain.rule.Thresholds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One rule read against one cohort's measured values and the baseline at one tick. A condition whose value or
 * relative threshold is unknown (no data, no baseline yet) does not hold.
 */
public record RuleReading(HaltRule rule, String cohort, boolean holds, List<Measured> conditions) {

    /** A condition's measured value and the threshold it was compared with, both in the metric's unit. */
    public record Measured(Condition condition, double value, double threshold) {
    }

    static RuleReading read(HaltRule rule, String cohort, Map<String, Double> values, Baseline baseline) {
        return read(rule, cohort, values, thresholds(rule, baseline));
    }

    /** Each condition's threshold against {@code baseline}; NaN where it cannot be resolved yet. */
    static double[] thresholds(HaltRule rule, Baseline baseline) {
        double[] t = new double[rule.conditions().size()];
        for (int i = 0; i < t.length; i++) {
            OptionalDouble v = Thresholds.resolve(rule.conditions().get(i), baseline);
            t[i] = v.isPresent() ? v.getAsDouble() : Double.NaN;
        }
        return t;
    }

    /** Whether every condition holds, without building a reading: the common, quiet case of every tick. */
    static boolean holds(HaltRule rule, Map<String, Double> values, double[] thresholds) {
        List<Condition> conditions = rule.conditions();
        for (int i = 0; i < thresholds.length; i++) {
            Condition c = conditions.get(i);
            Double value = values.get(c.metric());
            if (value == null || Double.isNaN(value) || Double.isNaN(thresholds[i])
                    || !c.op().holds(value, thresholds[i])) {
                return false;
            }
        }
        return true;
    }

    /** Reads the rule with thresholds already resolved (they depend on the baseline only, not on the cohort). */
    static RuleReading read(HaltRule rule, String cohort, Map<String, Double> values, double[] thresholds) {
        List<Condition> conditions = rule.conditions();
        List<Measured> measured = new ArrayList<>(conditions.size());
        boolean holds = true;
        for (int i = 0; i < thresholds.length; i++) {
            Condition c = conditions.get(i);
            Double value = values.get(c.metric());
            if (value == null || Double.isNaN(value) || Double.isNaN(thresholds[i])) {
                return new RuleReading(rule, cohort, false, measured);
            }
            measured.add(new Measured(c, value, thresholds[i]));
            holds &= c.op().holds(value, thresholds[i]);
        }
        return new RuleReading(rule, cohort, holds, measured);
    }

    /** What a decision records: rule text, cohort, measured value, threshold, window (first condition first). */
    public Map<String, String> data() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("rule", rule.text());
        d.put("cohort", cohort);
        if (!conditions.isEmpty()) {
            Measured first = conditions.get(0);
            d.put("metric", first.condition().metric());
            d.put("value", number(first.value()));
            d.put("threshold", number(first.threshold()));
            d.put("comparison", first.condition().op().symbol());
        }
        if (conditions.size() > 1) {
            d.put("conditions", String.join("; ", conditions.stream().map(m -> m.condition().metric() + " "
                    + number(m.value()) + " " + m.condition().op().symbol() + " " + number(m.threshold())).toList()));
        }
        if (rule.window() != null) {
            d.put("window", rule.window().toString());
        }
        if (rule.action() != null) {
            d.put("action", rule.action().name().toLowerCase(java.util.Locale.ROOT));
        }
        return d;
    }

    /** Six significant digits: enough to read, stable in text; {@code +Inf}, {@code -Inf} and {@code NaN} as such. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }
}
