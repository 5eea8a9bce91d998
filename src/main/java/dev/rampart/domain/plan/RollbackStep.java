package dev.rampart.domain.plan;

import java.util.List;

/** One step of the rollback: the application first, then the database downgrade (seed 001's order). */
public record RollbackStep(String name, String kind, List<String> command) {
    public RollbackStep {
        command = Plan.copy(command);
    }
}
