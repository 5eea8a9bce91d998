package dev.rampart.ui.calendar;

import dev.rampart.domain.plan.Plan;

import java.util.Objects;

/**
 * A plan as the calendar shows it: the latest version of a change, and how far its rollout got.
 *
 * @param enteredStages how many stages its rollout has entered (0 with no rollout); those cannot move any more
 */
public record ScheduledPlan(long planId, Plan plan, int enteredStages) {
    public ScheduledPlan {
        Objects.requireNonNull(plan, "plan");
    }
}
