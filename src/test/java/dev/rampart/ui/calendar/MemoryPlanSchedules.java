package dev.rampart.ui.calendar;

import dev.rampart.domain.plan.Plan;

import java.util.ArrayList;
import java.util.List;

/** Plans in a list; a saved version replaces the plan it was made from, under a new id. */
final class MemoryPlanSchedules implements PlanSchedules {
    final List<ScheduledPlan> plans = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private long nextId = 100;

    MemoryPlanSchedules add(long id, Plan plan, int entered) {
        plans.add(new ScheduledPlan(id, plan, entered));
        return this;
    }

    @Override
    public synchronized List<ScheduledPlan> scheduledPlans() {
        return List.copyOf(plans);
    }

    @Override
    public synchronized long saveVersion(long previous, Plan plan, String note) {
        plans.removeIf(p -> p.planId() == previous);
        long id = nextId++;
        plans.add(new ScheduledPlan(id, plan, 0));
        notes.add(note);
        return id;
    }
}
