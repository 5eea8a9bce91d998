package dev.rampart.ui.releases;

import dev.rampart.domain.access.Signature;
import dev.rampart.domain.plan.ChecklistItem;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.Rollout;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the person reads before a rollout starts: the plan's preconditions and smoke tests with the roles that sign
 * them and, when the plan has run before, who signed them on its last rollout.
 *
 * @param warning said first when it matters ("rollout #4 of this plan is still running"); empty otherwise
 */
public record StartChecklist(long planId, String changeId, String title, String message, String warning,
                             List<Line> lines) {

    /** One item: its section ("Preconditions", "Smoke tests"), text, signing role ("any approver") and signatures. */
    public record Line(String section, String text, String role, String signed) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public StartChecklist {
        lines = List.copyOf(lines);
    }

    /**
     * @param last       the plan's latest rollout, or null when it never ran
     * @param signatures the signatures on {@code last} (empty when there is none)
     */
    public static StartChecklist of(long planId, Plan plan, Rollout last, List<Signature> signatures, ZoneId zone) {
        List<Line> lines = new ArrayList<>();
        for (ChecklistItem item : plan.preconditions()) {
            lines.add(line("Preconditions", item, last, signatures, zone));
        }
        for (ChecklistItem item : plan.smokeTests()) {
            lines.add(line("Smoke tests", item, last, signatures, zone));
        }
        String stages = String.join(" → ", plan.stages().stream().map(Stage::name).toList());
        String message = plan.service() + " " + plan.version()
                + (plan.previousVersion() == null ? "" : " (from " + plan.previousVersion() + ")")
                + " through " + stages + ". "
                + (lines.isEmpty() ? "The plan lists no preconditions or smoke tests."
                : "Check these before you start; once it runs, approvers sign them for it on the Checklists screen.");
        String warning = last != null && last.state().isLive()
                ? "Rollout #" + last.id() + " of this plan is still " + last.state().wireName() + "." : "";
        return new StartChecklist(planId, plan.changeId(), "Start a rollout of " + plan.changeId() + "?", message,
                warning, lines);
    }

    private static Line line(String section, ChecklistItem item, Rollout last, List<Signature> signatures,
                             ZoneId zone) {
        String role = item.role() == null || item.role().isBlank() ? "any approver" : item.role();
        List<String> by = signatures.stream()
                .filter(s -> s.stage() == null && Objects.equals(s.item(), item.text()))
                .map(s -> s.signer() + " (" + s.role().name() + ") " + WHEN.format(s.at().atZone(zone)))
                .toList();
        String signed = last == null ? "not signed yet"
                : by.isEmpty() ? "not signed on rollout #" + last.id()
                : "signed on rollout #" + last.id() + " by " + String.join(", ", by);
        return new Line(section, item.text(), role, signed);
    }
}
