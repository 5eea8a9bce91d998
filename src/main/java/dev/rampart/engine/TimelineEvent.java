package dev.rampart.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One event of a dry run, {@code at} measured from the rollout's start. */
public record TimelineEvent(Duration at, String type, String stage, Map<String, String> data) {
    private static final Set<String> NUMBERS = Set.of("value", "threshold", "rollback_time_seconds",
            "traffic_percent", "error_rate_during_rollout", "consecutive_errors", "exit_code", "index");
    private static final Set<String> PLUMBING = Set.of("idempotency_key", "weights");

    public TimelineEvent {
        data = Map.copyOf(data);
    }

    /** {@code at} as ISO-8601, {@code type}, {@code stage}, then the data, numbers as numbers. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", at.toString());
        m.put("type", type);
        m.put("stage", stage);
        new java.util.TreeMap<>(data).forEach((k, v) -> {
            if (!PLUMBING.contains(k)) {
                m.put(k, NUMBERS.contains(k) ? number(v) : v);
            }
        });
        return m;
    }

    /** One line of the human-readable timeline. */
    public String line() {
        StringBuilder b = new StringBuilder(String.format("%-10s %-24s %-14s", at, type, stage == null ? "" : stage));
        switch (type) {
            case "rollout.halted", "rollout.alerted" -> b.append(data.get("rule")).append(": ")
                    .append(data.get("metric")).append(' ').append(data.get("value")).append(' ')
                    .append(data.get("comparison")).append(' ').append(data.get("threshold"))
                    .append(data.containsKey("window") ? " held " + data.get("window") : " (no window)")
                    .append(", cohort ").append(data.get("cohort")).append(" -> ").append(data.get("action"));
            case "rollout.expanded", "rollout.narrowed" -> b.append(data.getOrDefault("traffic_percent", "?"))
                    .append("% of traffic on the new version");
            case "signoff.assumed" -> b.append(data.get("role")).append(": ").append(data.get("note"));
            case "rollback.step" -> b.append("step ").append(data.get("index")).append(' ').append(data.get("kind"))
                    .append(": ").append(data.get("name"))
                    .append(data.containsKey("exit_code") ? " (exit " + data.get("exit_code") + ")" : "")
                    .append(data.containsKey("confirmed_by") ? " (confirmed by " + data.get("confirmed_by") + ")" : "")
                    .append(data.containsKey("reconciled") ? " (found done after a restart)" : "");
            case "checklist.checked" -> b.append(data.get("item")).append(": ").append(data.get("argv"))
                    .append(" exit ").append(data.get("exit_code")).append("true".equals(data.get("passed"))
                            ? ", passed" : ", FAILED").append(" (").append(oneLine(data.get("output"))).append(')');
            case "rollout.paused", "rollout.rollback_failed" -> b.append(data.getOrDefault("reason",
                    data.getOrDefault("error", "")));
            case "rollout.rolled_back" -> b.append("rollback confirmed after ")
                    .append(data.getOrDefault("rollback_time_seconds", "?")).append(" s");
            default -> b.append(data.entrySet().stream().filter(e -> !PLUMBING.contains(e.getKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).sorted().reduce((x, y) -> x + ", " + y).orElse(""));
        }
        return b.toString().stripTrailing();
    }

    private static String oneLine(String text) {
        String t = text == null ? "" : text.strip().replace('\n', ' ');
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    private static Object number(String v) {
        try {
            double d = Double.parseDouble(v);
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
