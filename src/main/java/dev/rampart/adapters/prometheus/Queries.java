package dev.rampart.adapters.prometheus;

import dev.rampart.adapters.Placeholders;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * PromQL per metric, with {@code {cohort}} and {@code {window}} (the rate window) filled per query. Defaults:
 * {@code error_rate} as errors over requests, {@code latency_p50…p99} through {@code histogram_quantile} on a
 * seconds histogram, in milliseconds. A plan's own queries override or add metrics.
 */
final class Queries {
    static final Set<String> PLACEHOLDERS = Set.of("cohort", "window", "service", "version", "previous_version");
    private final Map<String, String> templates;

    private Queries(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    static Queries defaults(String label, String requests, String errors, String histogram, Map<String, String> own) {
        Map<String, String> t = new LinkedHashMap<>();
        String sel = "{" + label + "=\"{cohort}\"}";
        t.put("error_rate", "sum(rate(" + errors + sel + "[{window}])) / sum(rate(" + requests + sel + "[{window}]))");
        for (String p : new String[]{"50", "75", "95", "99"}) {
            t.put("latency_p" + p, "1000 * histogram_quantile(0." + p + ", sum by (le) (rate(" + histogram + "_bucket"
                    + sel + "[{window}])))");
        }
        t.put("latency", t.get("latency_p95"));
        t.putAll(own);
        return new Queries(t);
    }

    boolean knows(String metric) {
        return templates.containsKey(metric);
    }

    String query(String metric, Map<String, String> values) {
        return Placeholders.fill(templates.get(metric), values);
    }

    Map<String, String> templates() {
        return templates;
    }
}
