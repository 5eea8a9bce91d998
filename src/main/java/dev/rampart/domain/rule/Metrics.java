package dev.rampart.domain.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The metric names that mean the same thing in rules, scenarios, charts and sources. */
public final class Metrics {
    public static final String ERROR_RATE = "error_rate";
    public static final String FAILED_TRANSACTIONS = "failed_transactions";
    public static final String ENGINE_TIMEOUT_RATE = "engine_timeout_rate";
    public static final String APPROVAL_DENIAL_RATE = "approval_denial_rate";
    public static final String LATENCY_P50 = "latency_p50";
    public static final String LATENCY_P75 = "latency_p75";
    public static final String LATENCY_P95 = "latency_p95";
    public static final String LATENCY_P99 = "latency_p99";
    public static final String LCP_P75 = "lcp_p75";
    public static final String INP_P75 = "inp_p75";
    public static final String CLS_P95 = "cls_p95";
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";

    /** Fractions: {@code 1%} is 0.01. */
    public static final Set<String> FRACTIONS = Set.of(ERROR_RATE, FAILED_TRANSACTIONS, ENGINE_TIMEOUT_RATE,
            APPROVAL_DENIAL_RATE, CPU, MEMORY);
    /** Milliseconds. */
    public static final Set<String> MILLISECONDS = Set.of(LATENCY_P50, LATENCY_P75, LATENCY_P95, LATENCY_P99,
            LCP_P75, INP_P75);
    public static final Set<String> UNITLESS = Set.of(CLS_P95);

    /** Every built-in name, in the order charts list them. */
    public static final List<String> ALL = List.of(ERROR_RATE, FAILED_TRANSACTIONS, ENGINE_TIMEOUT_RATE,
            APPROVAL_DENIAL_RATE, LATENCY_P50, LATENCY_P75, LATENCY_P95, LATENCY_P99, LCP_P75, INP_P75, CLS_P95,
            CPU, MEMORY);

    private Metrics() {
    }

    public static boolean isBuiltIn(String name) {
        return ALL.contains(name);
    }

    /**
     * Where a condition's threshold does not fit its metric's unit family ({@code latency_p95 > 5%},
     * {@code error_rate > 2} meaning 200 %); empty when it fits or the metric is not built in.
     */
    public static List<String> unitProblems(Condition condition) {
        String metric = condition.metric();
        List<String> problems = new ArrayList<>();
        if (!isBuiltIn(metric)) {
            return problems;
        }
        Threshold t = condition.threshold();
        if (t instanceof Threshold.Absolute a) {
            boolean percent = a.unit() == Threshold.Unit.PERCENT || a.unit() == Threshold.Unit.PCT;
            boolean time = a.unit() == Threshold.Unit.MILLIS || a.unit() == Threshold.Unit.SECONDS;
            if (MILLISECONDS.contains(metric) && percent) {
                problems.add(metric + " is in milliseconds, not " + a.unit().symbol());
            } else if (!MILLISECONDS.contains(metric) && time) {
                problems.add(metric + " is not a time: " + a.unit().symbol() + " does not apply");
            } else if (UNITLESS.contains(metric) && percent) {
                problems.add(metric + " has no unit: " + a.unit().symbol() + " does not apply");
            } else if (FRACTIONS.contains(metric) && a.unit() == Threshold.Unit.NONE && a.value() > 1) {
                problems.add(metric + " is a fraction (1% is 0.01): " + a.value() + " is more than 100 %");
            }
        } else if (t instanceof Threshold.BaselinePoints && !FRACTIONS.contains(metric)) {
            problems.add("percentage points (pp) apply only to fractions, and " + metric + " is not one");
        } else if (t instanceof Threshold.BaselinePercentile p
                && !isBuiltIn(Thresholds.percentileSibling(metric, p.percentile()))) {
            problems.add(metric + " has no p" + p.percentile() + " to compare with");
        }
        return problems;
    }
}
