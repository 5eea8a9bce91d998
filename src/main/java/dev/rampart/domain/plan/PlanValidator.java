package dev.rampart.domain.plan;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a plan, each issue keyed by the JSON pointer of the offending value in Rampart's plan format.
 * Pure logic: where a pointer sits in a file is the reader's business.
 */
public final class PlanValidator {
    private PlanValidator() {
    }

    /** Every issue found, in plan order; empty when the plan is sound. */
    public static List<PlanIssue> validate(Plan plan) {
        List<PlanIssue> issues = new ArrayList<>();
        if (plan.schema() != null && !Plan.SCHEMA.equals(plan.schema())) {
            issues.add(PlanIssue.at("/schema",
                    "schema \"" + plan.schema() + "\" is not supported; expected " + Plan.SCHEMA));
        }
        checkStages(plan.stages(), issues);
        RuleTextCheck rules = new RuleTextCheck(plan.metrics());
        for (int i = 0; i < plan.haltRules().size(); i++) {
            rules.haltRule("/halt_rules/" + i, plan.haltRules().get(i), issues);
        }
        for (int i = 0; i < plan.stages().size(); i++) {
            Stage s = plan.stages().get(i);
            for (int j = 0; j < s.entry().size(); j++) {
                rules.criterion("/stages/" + i + "/entry/" + j, s.entry().get(j), "entry criterion", issues);
            }
            for (int j = 0; j < s.exit().size(); j++) {
                rules.criterion("/stages/" + i + "/exit/" + j, s.exit().get(j), "exit criterion", issues);
            }
        }
        checkSchedule(plan.schedule(), issues);
        ApprovalsCheck.check(plan, issues);
        return List.copyOf(issues);
    }

    private static void checkStages(List<Stage> stages, List<PlanIssue> issues) {
        if (stages.isEmpty()) {
            issues.add(PlanIssue.at("/stages", "a plan needs at least one stage"));
            return;
        }
        Map<String, Integer> names = new HashMap<>();
        double highest = 0;
        String highestName = null;
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            String p = "/stages/" + i;
            String label = label(s, i);
            if (s.name() == null || s.name().isBlank()) {
                issues.add(PlanIssue.at(p + "/name", label + " has no name"));
            } else if (names.containsKey(s.name())) {
                issues.add(PlanIssue.at(p + "/name", "stage name \"" + s.name() + "\" is used twice (also stage "
                        + (names.get(s.name()) + 1) + ")"));
            } else {
                names.put(s.name(), i);
            }
            double traffic = s.trafficPercent();
            String tp = p + "/traffic_percent";
            if (traffic == 0) {
                issues.add(PlanIssue.at(tp, label + ": traffic_percent is missing or 0; it must be in (0, 100]"));
            } else if (!(traffic > 0 && traffic <= 100)) {
                issues.add(PlanIssue.at(tp, label + ": traffic_percent " + number(traffic)
                        + " is outside (0, 100]"));
            } else {
                if (traffic < highest) {
                    issues.add(PlanIssue.at(tp, label + ": traffic_percent " + number(traffic) + " is below the "
                            + number(highest) + " of " + highestName + " before it; traffic may not go down"));
                } else {
                    highest = traffic;
                    highestName = label;
                }
                if (i == stages.size() - 1 && traffic != 100) {
                    issues.add(PlanIssue.at(tp, label + " is the last stage, so its traffic_percent must be 100, not "
                            + number(traffic)));
                }
            }
            checkDurations(s, p, label, issues);
        }
    }

    private static void checkDurations(Stage s, String p, String label, List<PlanIssue> issues) {
        boolean minOk = positive(s.minDuration(), p + "/min_duration", label + ": min_duration", issues);
        boolean maxOk = positive(s.maxDuration(), p + "/max_duration", label + ": max_duration", issues);
        if (minOk && maxOk && s.minDuration() != null && s.maxDuration() != null
                && s.minDuration().compareTo(s.maxDuration()) > 0) {
            issues.add(PlanIssue.at(p + "/max_duration", label + ": max_duration " + iso(s.maxDuration())
                    + " is shorter than min_duration " + iso(s.minDuration())));
        }
        Decision d = s.decision();
        if (d != null) {
            if (d.after() == null) {
                issues.add(PlanIssue.at(p + "/decision", label + ": decision needs \"after\" (such as PT24H)"));
            } else {
                positive(d.after(), p + "/decision/after", label + ": decision after", issues);
            }
        }
    }

    private static boolean positive(Duration d, String pointer, String what, List<PlanIssue> issues) {
        if (d != null && (d.isNegative() || d.isZero())) {
            issues.add(PlanIssue.at(pointer, what + " " + iso(d) + " must be positive"));
            return false;
        }
        return true;
    }

    private static void checkSchedule(Schedule schedule, List<PlanIssue> issues) {
        if (schedule == null) {
            return;
        }
        if (schedule.timeZone() != null) {
            try {
                ZoneId.of(schedule.timeZone());
            } catch (DateTimeException e) {
                issues.add(PlanIssue.at("/schedule/time_zone", "time_zone \"" + schedule.timeZone()
                        + "\" is not a known time zone; use a region such as Africa/Cairo"));
            }
        }
        List<FreezeWindow> windows = schedule.freezeWindows();
        List<Integer> sound = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            FreezeWindow w = windows.get(i);
            String p = "/schedule/freeze_windows/" + i;
            if (w.from() == null || w.to() == null) {
                issues.add(PlanIssue.at(p, "freeze window " + (i + 1) + " needs both from and to"));
            } else if (!w.from().isBefore(w.to())) {
                issues.add(PlanIssue.at(p + "/to", "freeze window " + (i + 1) + " ends (" + w.to()
                        + ") before it starts (" + w.from() + ")"));
            } else {
                for (int j : sound) {
                    FreezeWindow o = windows.get(j);
                    if (w.from().isBefore(o.to()) && o.from().isBefore(w.to())) {
                        issues.add(PlanIssue.at(p, "freeze window " + (i + 1) + " (" + w.from() + " to " + w.to()
                                + ") overlaps freeze window " + (j + 1) + " (" + o.from() + " to " + o.to() + ")"));
                    }
                }
                sound.add(i);
            }
        }
    }

    private static String label(Stage s, int i) {
        return s.name() == null || s.name().isBlank() ? "stage " + (i + 1) : "stage " + s.name();
    }

    /** -1 h as "-PT1H", as it is written, rather than Duration's "PT-1H". */
    private static String iso(Duration d) {
        return d.isNegative() ? "-" + d.negated() : d.toString();
    }

    /** 120.0 as "120", 0.5 as "0.5". */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
