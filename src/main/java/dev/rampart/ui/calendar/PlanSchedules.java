package dev.rampart.ui.calendar;

import dev.rampart.domain.plan.Plan;

import java.util.List;

/** What the calendar reads and writes. Called off the FX thread (it touches the store). */
public interface PlanSchedules {
    /** No plans, nothing to save: for a console without a store. */
    PlanSchedules NONE = new PlanSchedules() {
        @Override
        public List<ScheduledPlan> scheduledPlans() {
            return List.of();
        }

        @Override
        public long saveVersion(long previous, Plan plan, String note) {
            throw new UnsupportedOperationException("no store to save plans in");
        }
    };

    /** The latest version of every plan that has a schedule. */
    List<ScheduledPlan> scheduledPlans();

    /**
     * Stores {@code plan} as a new version of {@code previous}'s change; returns the new plan id. Rescheduling never
     * edits a stored plan: what was approved stays what it was.
     */
    long saveVersion(long previous, Plan plan, String note);
}
