package dev.rampart.domain.rule;

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
}
