package dev.rampart.ui.checklists;

import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.Signature;
import dev.rampart.engine.access.SignableItem;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One item of a rollout's checklists as the table shows it: which list, what, the roles that must sign, who signed
 * (in which role, when, with what comment) and whether that still counts. A signature on an older plan version is
 * stale and shown as such.
 */
public record ChecklistRow(SignableItem item, String list, String text, String rolesText, String signedBy,
                           String when, String comment, Status status) {

    public enum Status { OPEN, PARTLY, SIGNED, STALE }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    static ChecklistRow of(SignableItem item, List<Signature> all, String planSha, ZoneId zone) {
        List<Signature> mine = all.stream().filter(s -> s.item().equals(item.item())
                && java.util.Objects.equals(s.stage(), item.stage())).toList();
        List<Signature> current = mine.stream().filter(s -> !s.stale(planSha)).toList();
        List<Signature> shown = current.isEmpty() ? mine : current;
        long rolesCovered = item.roles().isEmpty() ? Math.min(1, current.size())
                : item.roles().stream().filter(r -> current.stream().anyMatch(s -> s.role().equals(r))).count();
        int rolesNeeded = item.roles().isEmpty() ? 1 : item.roles().size();
        Status status = rolesCovered >= rolesNeeded ? Status.SIGNED : rolesCovered > 0 ? Status.PARTLY
                : !mine.isEmpty() ? Status.STALE : Status.OPEN;
        return new ChecklistRow(item, listName(item), item.isGate() ? "Go/no-go decision" : item.item(),
                item.roles().isEmpty() ? "any approver" : item.roles().stream().map(Role::name)
                        .collect(Collectors.joining(", ")),
                shown.stream().map(s -> s.signer() + " (" + s.role().name() + ")").collect(Collectors.joining(", ")),
                shown.stream().map(s -> WHEN.format(s.at().atZone(zone))).collect(Collectors.joining(", ")),
                shown.stream().map(Signature::comment).filter(c -> c != null && !c.isBlank())
                        .collect(Collectors.joining(" · ")),
                status);
    }

    /** "Pre-release", "Smoke test", "beta · checklist", "beta · go/no-go", "Rollout go/no-go". */
    static String listName(SignableItem item) {
        return switch (item.section()) {
            case "preconditions" -> "Pre-release";
            case "smoke tests" -> "Smoke test";
            case "go/no-go" -> item.stage() == null ? "Rollout go/no-go" : item.stage() + " · go/no-go";
            default -> item.stage() == null ? item.section() : item.stage() + " · " + item.section();
        };
    }

    /** The roles a signer may pick for this item: its own, or every approver role when any may sign. */
    public List<Role> signableRoles() {
        return item.roles().isEmpty() ? Role.STANDARD_APPROVERS.stream().sorted().toList() : item.roles();
    }

    public String statusText() {
        return switch (status) {
            case OPEN -> "open";
            case PARTLY -> "partly signed";
            case SIGNED -> "signed";
            case STALE -> "stale: plan changed";
        };
    }
}
