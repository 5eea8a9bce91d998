package dev.rampart.domain.plan;

import dev.rampart.domain.access.Role;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles a plan asks to sign, and its N-of-M: every role must be one a person can hold and sign as (not
 * observer or admin, and a valid role name), and {@code min_approvals} must be between 1 and the roles of the
 * largest gate, since a gate that can never gather enough signatures would hold a rollout forever.
 */
final class ApprovalsCheck {
    private static final String APPROVERS = "product, security, sre";

    private ApprovalsCheck() {
    }

    static void check(Plan plan, List<PlanIssue> issues) {
        Approvals a = plan.approvals();
        int largestGate = 0;
        if (a != null) {
            largestGate = roles(a.requiredRoles(), "/approvals/required_roles", "required role", issues);
        }
        for (int i = 0; i < plan.stages().size(); i++) {
            Stage s = plan.stages().get(i);
            String p = "/stages/" + i;
            String label = "stage " + (s.name() == null || s.name().isBlank() ? i + 1 : s.name()) + ": ";
            Set<String> gate = new LinkedHashSet<>();
            gate.addAll(holdable(s.approvals(), p + "/approvals", label + "approval role", issues));
            if (s.decision() != null) {
                gate.addAll(holdable(s.decision().roles(), p + "/decision/roles", label + "decision role", issues));
            }
            largestGate = Math.max(largestGate, gate.size());
            checklist(s.checklist(), p + "/checklist", issues);
        }
        checklist(plan.preconditions(), "/preconditions", issues);
        checklist(plan.smokeTests(), "/smoke_tests", issues);
        if (a != null && a.minApprovals() != null) {
            int min = a.minApprovals();
            if (min < 1) {
                issues.add(PlanIssue.at("/approvals/min_approvals", "min_approvals " + min + " must be at least 1"));
            } else if (min > largestGate) {
                issues.add(PlanIssue.at("/approvals/min_approvals", largestGate == 0
                        ? "min_approvals " + min + " is set, but no gate of this plan names roles to sign it"
                        : "min_approvals " + min + " is more than the " + largestGate
                        + " roles that can sign a gate of this plan"));
            }
        }
    }

    private static int roles(List<String> names, String pointer, String what, List<PlanIssue> issues) {
        return new LinkedHashSet<>(holdable(names, pointer, what, issues)).size();
    }

    /** The roles among {@code names} that someone can hold; an issue for each other one. */
    private static List<String> holdable(List<String> names, String pointer, String what, List<PlanIssue> issues) {
        return java.util.stream.IntStream.range(0, names.size())
                .filter(i -> problem(names.get(i), pointer + "/" + i, what, issues))
                .mapToObj(i -> Role.of(names.get(i)).name()).toList();
    }

    private static void checklist(List<ChecklistItem> items, String pointer, List<PlanIssue> issues) {
        for (int i = 0; i < items.size(); i++) {
            ChecklistItem item = items.get(i);
            if (item.role() != null && !item.role().isBlank()) {
                problem(item.role(), pointer + "/" + i + "/role", "checklist item \"" + item.text() + "\": role",
                        issues);
            }
        }
    }

    /** True when {@code name} is a role a person can hold and sign as; otherwise an issue says why not. */
    private static boolean problem(String name, String pointer, String what, List<PlanIssue> issues) {
        Role role;
        try {
            role = Role.of(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            issues.add(PlanIssue.at(pointer, what + " \"" + name + "\" is not a role name: use letters, digits and"
                    + " underscores, starting with a letter (e.g. schema_steward)"));
            return false;
        }
        if (role.equals(Role.OBSERVER)) {
            issues.add(PlanIssue.at(pointer, what + " \"" + name + "\" cannot sign: an observer only watches;"
                    + " name an approver role such as " + APPROVERS));
            return false;
        }
        if (role.equals(Role.ADMIN)) {
            issues.add(PlanIssue.at(pointer, what + " \"" + name + "\" cannot sign: an admin manages the store,"
                    + " not releases; name an approver role such as " + APPROVERS));
            return false;
        }
        return true;
    }
}
