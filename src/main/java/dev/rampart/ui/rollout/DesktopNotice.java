package dev.rampart.ui.rollout;

import dev.rampart.domain.rollout.AuditEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Something worth a desktop notification: a halt, a rollback, a decision that is due. */
public record DesktopNotice(String title, String text, boolean alarm) {

    /** The notices among {@code events} newer than {@code afterSeq}, oldest first. */
    public static List<DesktopNotice> among(List<AuditEvent> events, long afterSeq, String changeId) {
        List<DesktopNotice> out = new ArrayList<>();
        for (AuditEvent e : events) {
            if (e.seq() <= afterSeq) {
                continue;
            }
            Map<String, String> d = e.data();
            String where = changeId + (e.stage() == null ? "" : " · " + e.stage());
            switch (e.type()) {
                case "rollout.halted" -> out.add(new DesktopNotice("Halted: " + where, d.getOrDefault("rule", "")
                        + " tripped on " + d.getOrDefault("cohort", "?") + " (" + d.getOrDefault("metric", "")
                        + " " + d.getOrDefault("value", "") + ")", true));
                case "rollout.alerted" -> out.add(new DesktopNotice("Alert: " + where, d.getOrDefault("rule", ""),
                        false));
                case "rollout.rolled_back" -> out.add(new DesktopNotice("Rolled back: " + changeId,
                        "rollback_time_seconds = " + d.getOrDefault("rollback_time_seconds", "?"), true));
                case "rollout.rollback_failed" -> out.add(new DesktopNotice("Rollback failed: " + changeId,
                        d.getOrDefault("error", "see the Audit screen"), true));
                case "rollout.circuit_opened" -> out.add(new DesktopNotice("Circuit breaker opened: " + changeId,
                        d.getOrDefault("consecutive_errors", "?") + " consecutive adapter errors", true));
                case "incident.monitoring_gap" -> out.add(new DesktopNotice("Monitoring gap: " + where,
                        d.getOrDefault("error", "metrics cannot be read") + "; halt rules cannot be judged", true));
                case "rollout.waiting" -> out.add(new DesktopNotice("Decision due: " + where,
                        "Waiting for " + d.getOrDefault("for", "a sign-off") + " (Checklists, Ctrl+4)", false));
                default -> { }
            }
        }
        return out;
    }
}
