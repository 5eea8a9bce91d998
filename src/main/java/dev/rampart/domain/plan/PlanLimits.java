package dev.rampart.domain.plan;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Every width, count and range the store and the engine depend on, checked when a plan is validated, so that no
 * valid plan can fail at import, at a tick or during a rollback (a 201-character stage name once moved traffic and
 * then made every tick and the rollback fail on a column width). The widths are the store's columns.
 */
final class PlanLimits {
    /** audit_events.stage, signatures.stage, plans.change_id, plans.service, plans.owner. */
    static final int NAME = 200;
    /** plans.version. */
    static final int VERSION = 100;
    /** signatures.item. */
    static final int ITEM = 2000;
    /** signatures.role, person_roles.role. */
    static final int ROLE = 64;
    /** Durations the engine adds to instants: a year and a day keeps every sum far from Instant's limits. */
    static final Duration LONGEST = Duration.ofDays(366);
    /** A command a gate or a rollback step runs may take at most a day. */
    static final Duration LONGEST_COMMAND = Duration.ofDays(1);
    static final int EARLIEST_YEAR = 2000;
    static final int LATEST_YEAR = 9999;

    private PlanLimits() {
    }

    static void check(Plan plan, List<PlanIssue> issues) {
        text("/change_id", "change_id", plan.changeId(), NAME, issues);
        text("/service", "service", plan.service(), NAME, issues);
        text("/version", "version", plan.version(), VERSION, issues);
        text("/owner", "owner", plan.owner(), NAME, issues);
        for (int i = 0; i < plan.stages().size(); i++) {
            Stage s = plan.stages().get(i);
            String p = "/stages/" + i;
            text(p + "/name", "stage name", s.name(), NAME, issues);
            span(p + "/min_duration", "min_duration", s.minDuration(), LONGEST, issues);
            span(p + "/max_duration", "max_duration", s.maxDuration(), LONGEST, issues);
            if (s.decision() != null) {
                span(p + "/decision/after", "decision after", s.decision().after(), LONGEST, issues);
                roles(p + "/decision/roles", s.decision().roles(), issues);
            }
            roles(p + "/approvals", s.approvals(), issues);
            items(p + "/checklist", s.checklist(), issues);
        }
        if (plan.approvals() != null) {
            roles("/approvals/required_roles", plan.approvals().requiredRoles(), issues);
        }
        items("/preconditions", plan.preconditions(), issues);
        items("/smoke_tests", plan.smokeTests(), issues);
        rollbackSteps(plan.rollbackSteps(), issues);
        if (plan.monitoring() != null && plan.monitoring().maxGap() != null) {
            Duration gap = plan.monitoring().maxGap();
            if (gap.compareTo(Duration.ofSeconds(1)) < 0 || gap.compareTo(Duration.ofDays(1)) > 0) {
                issues.add(PlanIssue.at("/monitoring/max_gap", "monitoring.max_gap " + gap
                        + " must be between PT1S and P1D"));
            }
        }
        if (plan.watch() != null && (plan.watch().isNegative() || plan.watch().compareTo(LONGEST) > 0)) {
            issues.add(PlanIssue.at("/watch", "watch " + plan.watch() + " must be between PT0S and " + days(LONGEST)));
        }
        if (plan.schedule() != null) {
            year("/schedule/start", plan.schedule().start(), issues);
            for (int i = 0; i < plan.schedule().freezeWindows().size(); i++) {
                FreezeWindow w = plan.schedule().freezeWindows().get(i);
                year("/schedule/freeze_windows/" + i + "/from", w.from(), issues);
                year("/schedule/freeze_windows/" + i + "/to", w.to(), issues);
            }
        }
    }

    /** Seed 001: the application is rolled back before the database is downgraded, never the other way round. */
    private static void rollbackSteps(List<RollbackStep> steps, List<PlanIssue> issues) {
        int firstDatabase = -1;
        for (int i = 0; i < steps.size(); i++) {
            RollbackStep s = steps.get(i);
            String p = "/rollback_steps/" + i;
            if (s.name() == null || s.name().isBlank()) {
                issues.add(PlanIssue.at(p, "rollback step " + (i + 1) + " has no name"));
            } else {
                text(p + "/name", "rollback step name", s.name(), NAME, issues);
            }
            text(p + "/kind", "rollback step kind", s.kind(), ROLE, issues);
            argv(p + "/command", s.command(), issues);
            span(p + "/timeout", "timeout", s.timeout(), LONGEST_COMMAND, issues);
            if (RollbackStep.DATABASE.equals(s.kind()) && firstDatabase < 0) {
                firstDatabase = i;
            } else if (RollbackStep.APPLICATION.equals(s.kind()) && firstDatabase >= 0) {
                issues.add(PlanIssue.at(p + "/kind", "rollback step " + (i + 1) + " (\"" + s.name()
                        + "\") rolls back the application after the database step " + (firstDatabase + 1)
                        + "; the application must be rolled back before the database is downgraded"));
            }
        }
    }

    private static void items(String pointer, List<ChecklistItem> items, List<PlanIssue> issues) {
        for (int i = 0; i < items.size(); i++) {
            ChecklistItem item = items.get(i);
            String p = pointer + "/" + i;
            if (item.text() == null || item.text().isBlank()) {
                issues.add(PlanIssue.at(p, "checklist item " + (i + 1) + " has no text"));
            } else {
                text(p + "/text", "checklist item", item.text(), ITEM, issues);
            }
            text(p + "/role", "role", item.role(), ROLE, issues);
            argv(p + "/command", item.command(), issues);
            span(p + "/timeout", "timeout", item.timeout(), LONGEST_COMMAND, issues);
        }
    }

    private static void argv(String pointer, List<String> command, List<PlanIssue> issues) {
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i) == null || (i == 0 && command.get(i).isBlank())) {
                issues.add(PlanIssue.at(pointer + "/" + i, i == 0 ? "a command needs a program to run"
                        : "a command's arguments are text"));
            }
        }
    }

    private static void roles(String pointer, List<String> roles, List<PlanIssue> issues) {
        for (int i = 0; i < roles.size(); i++) {
            text(pointer + "/" + i, "role", roles.get(i), ROLE, issues);
        }
    }

    private static void text(String pointer, String what, String value, int max, List<PlanIssue> issues) {
        if (value != null && value.length() > max) {
            issues.add(PlanIssue.at(pointer, what + " is " + value.length() + " characters long; at most " + max
                    + " fit"));
        }
    }

    private static void span(String pointer, String what, Duration d, Duration max, List<PlanIssue> issues) {
        if (d != null && d.compareTo(max) > 0) {
            issues.add(PlanIssue.at(pointer, what + " " + d + " is longer than the " + days(max) + " Rampart allows"));
        } else if (d != null && (d.isNegative() || d.isZero()) && what.equals("timeout")) {
            issues.add(PlanIssue.at(pointer, "timeout " + d + " must be positive"));
        }
    }

    private static void year(String pointer, LocalDateTime t, List<PlanIssue> issues) {
        if (t != null && (t.getYear() < EARLIEST_YEAR || t.getYear() > LATEST_YEAR)) {
            issues.add(PlanIssue.at(pointer, t + " is outside the years " + EARLIEST_YEAR + " to " + LATEST_YEAR));
        }
    }

    private static String days(Duration d) {
        return d.toDays() == 1 ? "one day" : d.toDays() + " days";
    }
}
