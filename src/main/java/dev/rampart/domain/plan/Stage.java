package dev.rampart.domain.plan;

import java.time.Duration;
import java.util.List;

/**
 * One cohort of a rollout: how much traffic it gets, whom it targets, how long it holds and what lets it move on.
 * {@code entry} and {@code exit} are metric conditions in the halt-rule grammar without an action
 * (for example {@code error_rate < 0.1% for 30m}); human checks go in {@code checklist}.
 */
public record Stage(
        String name,
        double trafficPercent,
        List<String> userGroups,
        Duration minDuration,
        Duration maxDuration,
        List<String> entry,
        List<String> exit,
        List<String> approvals,
        List<ChecklistItem> checklist,
        Decision decision,
        Boolean enabled) {

    public Stage {
        userGroups = Plan.copy(userGroups);
        entry = Plan.copy(entry);
        exit = Plan.copy(exit);
        approvals = Plan.copy(approvals);
        checklist = Plan.copy(checklist);
    }

    public static Stage of(String name, double trafficPercent, Duration minDuration) {
        return new Stage(name, trafficPercent, null, minDuration, null, null, null, null, null, null, null);
    }

    /** The per-cohort kill switch ({@code canary.cohort.{name}.enabled}); absent means enabled. */
    public boolean cohortEnabled() {
        return enabled == null || enabled;
    }

    public Duration minDurationOrZero() {
        return minDuration == null ? Duration.ZERO : minDuration;
    }

    public Stage withMinDuration(Duration d) {
        return new Stage(name, trafficPercent, userGroups, d, maxDuration, entry, exit, approvals, checklist, decision,
                enabled);
    }
}
