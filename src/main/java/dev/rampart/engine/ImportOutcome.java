package dev.rampart.engine;

import dev.rampart.domain.plan.Plan;
import dev.rampart.format.Problem;

import java.util.List;

/**
 * What importing a plan file did: the stored plan id (null when nothing was stored because of problems),
 * the plan as understood, every problem found, and the defaults the import applied.
 */
public record ImportOutcome(Long planId, Plan plan, List<Problem> problems, List<String> defaultsApplied) {
    public ImportOutcome {
        problems = List.copyOf(problems);
        defaultsApplied = List.copyOf(defaultsApplied);
    }

    public boolean ok() {
        return problems.isEmpty() && planId != null;
    }
}
