package dev.rampart.app;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;
import dev.rampart.ui.calendar.PlanSchedules;
import dev.rampart.ui.calendar.ScheduledPlan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The calendar's plans from the store: the latest import of each change id. A reschedule is imported as a new
 * version (validated like any import), so the version people signed stays as it was.
 */
final class StoredPlanSchedules implements PlanSchedules {
    private final PlanRepository plans;
    private final RolloutRepository rollouts;
    private final StoredPlanCatalog catalog;
    private final PlanFormat format;

    StoredPlanSchedules(PlanRepository plans, RolloutRepository rollouts, StoredPlanCatalog catalog, PlanFormat format) {
        this.plans = plans;
        this.rollouts = rollouts;
        this.catalog = catalog;
        this.format = format;
    }

    @Override
    public List<ScheduledPlan> scheduledPlans() {
        // A rollout runs the plan version it was started with: once one exists, a new schedule would not reach it.
        Set<Long> started = new HashSet<>();
        for (Rollout r : rollouts.list()) {
            started.add(r.planId());
        }
        Set<String> seen = new HashSet<>();
        List<ScheduledPlan> out = new ArrayList<>();
        for (StoredPlan stored : plans.list()) {
            if (!seen.add(stored.changeId())) {
                continue; // an older version
            }
            Plan plan = catalog.plan(stored);
            if (plan.schedule() != null && plan.schedule().start() != null) {
                out.add(new ScheduledPlan(stored.id(), plan, started.contains(stored.id()) ? plan.stages().size() : 0));
            }
        }
        return out;
    }

    @Override
    public long saveVersion(long previous, Plan plan, String note) {
        ImportOutcome outcome = catalog.importText("calendar: " + note, format.write(plan, Format.JSON));
        if (!outcome.ok()) {
            throw new IllegalStateException("the rescheduled plan does not validate: " + outcome.problems());
        }
        return outcome.planId();
    }
}
