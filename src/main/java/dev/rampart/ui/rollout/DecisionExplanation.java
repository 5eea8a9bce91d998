package dev.rampart.ui.rollout;

import dev.rampart.domain.rollout.AuditEvent;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last decision the engine (or a person) took on a rollout, in words: which rule, for which cohort, what was
 * measured against which threshold over which window. Read from the rollout's events.
 */
public record DecisionExplanation(String headline, List<Fact> facts) {

    /** One line of the panel: {@code Rule · error_rate > 1% for 5m}. */
    public record Fact(String label, String value) {
    }

    static final Set<String> DECISIONS = Set.of("rollout.halted", "rollout.alerted", "rollout.paused",
            "rollout.resumed", "rollout.rolling_back", "rollout.rolled_back", "rollout.rollback_failed",
            "rollout.expanded", "rollout.traffic_changed", "rollout.promoted", "rollout.completed",
            "rollout.started", "rollout.circuit_opened", "rollout.frozen", "rollout.waiting", "rollout.narrowed",
            "incident.monitoring_gap", "incident.monitoring_restored");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    public static DecisionExplanation none() {
        return new DecisionExplanation("No decision yet", List.of());
    }

    /**
     * Explains the newest halt if it belongs to the current episode (nothing resumed it since), else the newest
     * decision of any kind. A rollback caused by a halt is explained by the halt.
     */
    public static DecisionExplanation of(List<AuditEvent> events, ZoneId zone) {
        AuditEvent decision = null;
        for (int i = events.size() - 1; i >= 0 && decision == null; i--) {
            AuditEvent e = events.get(i);
            if (DECISIONS.contains(e.type())) {
                decision = e;
            }
        }
        if (decision == null) {
            return none();
        }
        AuditEvent halt = lastBefore(events, decision, "rollout.halted");
        if (halt != null && (decision.type().startsWith("rollout.roll") || decision.type().equals("rollout.paused"))) {
            return explainHalt(halt, decision, zone);
        }
        if (decision.type().equals("rollout.halted") || decision.type().equals("rollout.alerted")) {
            return explainHalt(decision, decision, zone);
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("When", CLOCK.format(decision.at().atZone(zone)) + " by " + decision.actor()));
        if (decision.stage() != null) {
            facts.add(new Fact("Stage", decision.stage()));
        }
        Map<String, String> d = decision.data();
        for (String key : List.of("reason", "traffic_percent", "rollback_time_seconds", "for", "weights")) {
            if (d.containsKey(key)) {
                facts.add(new Fact(label(key), d.get(key) + (key.equals("traffic_percent") ? " %" : "")));
            }
        }
        return new DecisionExplanation(headline(decision.type()), facts);
    }

    private static DecisionExplanation explainHalt(AuditEvent halt, AuditEvent outcome, ZoneId zone) {
        Map<String, String> d = halt.data();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Rule", d.getOrDefault("rule", "—")));
        facts.add(new Fact("Cohort", d.getOrDefault("cohort", halt.stage() == null ? "—" : halt.stage())));
        if (d.containsKey("metric")) {
            facts.add(new Fact("Measured", d.get("metric") + " = " + d.get("value")));
            facts.add(new Fact("Threshold", d.getOrDefault("comparison", ">") + " " + d.get("threshold")));
        }
        if (d.containsKey("conditions")) {
            facts.add(new Fact("Conditions", d.get("conditions")));
        }
        facts.add(new Fact("Window", d.containsKey("window") ? readable(d.get("window")) : "first breach"));
        facts.add(new Fact("When", CLOCK.format(halt.at().atZone(zone))));
        String action = d.getOrDefault("action", "rollback");
        String then = switch (outcome.type()) {
            case "rollout.rolled_back" -> "rolled back" + (outcome.data().containsKey("rollback_time_seconds")
                    ? " in " + outcome.data().get("rollback_time_seconds") + " s" : "");
            case "rollout.rolling_back" -> "rolling back";
            case "rollout.rollback_failed" -> "rollback failed";
            case "rollout.paused" -> "paused";
            default -> action;
        };
        facts.add(new Fact("Then", then));
        String headline = halt.type().equals("rollout.alerted") ? "Alert: a rule tripped" : "Halted by a rule";
        return new DecisionExplanation(headline, facts);
    }

    private static AuditEvent lastBefore(List<AuditEvent> events, AuditEvent decision, String type) {
        int at = events.indexOf(decision);
        for (int i = at; i >= 0; i--) {
            AuditEvent e = events.get(i);
            if (e.type().equals("rollout.resumed") || e.type().equals("rollout.started")) {
                return null;
            }
            if (e.type().equals(type)) {
                return e;
            }
        }
        return null;
    }

    static String headline(String type) {
        return switch (type) {
            case "rollout.started" -> "Rollout started";
            case "rollout.expanded" -> "Expanded to the next stage";
            case "rollout.traffic_changed" -> "Traffic changed by hand";
            case "rollout.paused" -> "Paused";
            case "rollout.resumed" -> "Resumed";
            case "rollout.rolling_back" -> "Rolling back";
            case "rollout.rolled_back" -> "Rolled back";
            case "rollout.rollback_failed" -> "Rollback failed";
            case "rollout.promoted" -> "Promoted (forced)";
            case "rollout.completed" -> "Completed";
            case "rollout.circuit_opened" -> "Circuit breaker opened";
            case "rollout.frozen" -> "Waiting: freeze window";
            case "rollout.waiting" -> "Waiting";
            case "rollout.narrowed" -> "Narrowed";
            case "incident.monitoring_gap" -> "Monitoring gap: metrics cannot be read";
            case "incident.monitoring_restored" -> "Monitoring restored";
            default -> type;
        };
    }

    private static String label(String key) {
        return switch (key) {
            case "traffic_percent" -> "Traffic";
            case "rollback_time_seconds" -> "Rollback time";
            case "for" -> "Waiting for";
            default -> Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('_', ' ');
        };
    }

    /** {@code PT5M} → {@code 5 min}. */
    static String readable(String isoDuration) {
        try {
            java.time.Duration d = java.time.Duration.parse(isoDuration);
            long h = d.toHours();
            int m = d.toMinutesPart();
            int s = d.toSecondsPart();
            StringBuilder b = new StringBuilder();
            if (h > 0) {
                b.append(h).append(" h ");
            }
            if (m > 0) {
                b.append(m).append(" min ");
            }
            if (s > 0 || b.length() == 0) {
                b.append(s).append(" s");
            }
            return b.toString().trim();
        } catch (RuntimeException e) {
            return isoDuration;
        }
    }
}
