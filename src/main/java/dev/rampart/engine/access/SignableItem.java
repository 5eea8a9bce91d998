package dev.rampart.engine.access;

import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.SignedContent;
import dev.rampart.domain.plan.ChecklistItem;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One thing of a plan that people sign, with the roles that may sign it (empty: any approver role) and the
 * section of the checklist it belongs to. This is what the Checklists screen lists.
 *
 * @param section "preconditions", "smoke tests", "checklist" (of a stage) or "go/no-go"
 */
public record SignableItem(String stage, String item, String section, List<Role> roles) {

    public SignableItem {
        roles = List.copyOf(roles);
    }

    public boolean isGate() {
        return SignedContent.GO_NO_GO.equals(item);
    }

    /** Everything signable in {@code plan}: rollout-wide items first, then each stage's items and gate. */
    public static List<SignableItem> of(Plan plan) {
        List<SignableItem> items = new ArrayList<>();
        plan.preconditions().forEach(i -> items.add(checklist(null, i, "preconditions")));
        plan.smokeTests().forEach(i -> items.add(checklist(null, i, "smoke tests")));
        if (plan.approvals() != null && !plan.approvals().requiredRoles().isEmpty()) {
            items.add(new SignableItem(null, SignedContent.GO_NO_GO, "go/no-go",
                    roles(plan.approvals().requiredRoles())));
        }
        for (Stage s : plan.stages()) {
            s.checklist().forEach(i -> items.add(checklist(s.name(), i, "checklist")));
            Set<String> gate = new LinkedHashSet<>(s.approvals());
            if (s.decision() != null) {
                gate.addAll(s.decision().roles());
            }
            if (!gate.isEmpty()) {
                items.add(new SignableItem(s.name(), SignedContent.GO_NO_GO, "go/no-go", roles(List.copyOf(gate))));
            }
        }
        return items;
    }

    /** The item of {@code plan} at {@code stage} with this text, if the plan has one. */
    public static Optional<SignableItem> find(Plan plan, String stage, String item) {
        return of(plan).stream()
                .filter(i -> java.util.Objects.equals(i.stage(), stage) && i.item().equals(item))
                .findFirst();
    }

    private static SignableItem checklist(String stage, ChecklistItem item, String section) {
        return new SignableItem(stage, item.text(), section,
                item.role() == null || item.role().isBlank() ? List.of() : List.of(Role.of(item.role())));
    }

    private static List<Role> roles(List<String> names) {
        return names.stream().map(Role::of).distinct().toList();
    }
}
