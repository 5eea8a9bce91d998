package dev.rampart.domain.plan;

import java.util.List;

/**
 * A rollout plan: what is released, in which stages, guarded by which rules, approved by whom and when.
 * Fields mirror Rampart's own plan format ({@code rampart/plan/v1}); optional values are null, lists are never null.
 */
public record Plan(
        String schema,
        String changeId,
        String service,
        String version,
        String previousVersion,
        String owner,
        String description,
        List<Stage> stages,
        List<String> haltRules,
        Approvals approvals,
        List<ChecklistItem> preconditions,
        List<ChecklistItem> smokeTests,
        List<RollbackStep> rollbackSteps,
        Schedule schedule,
        AdapterSettings adapter,
        MetricSettings metrics,
        List<Notification> notifications,
        Boolean enabled) {

    public static final String SCHEMA = "rampart/plan/v1";

    public Plan {
        stages = copy(stages);
        haltRules = copy(haltRules);
        preconditions = copy(preconditions);
        smokeTests = copy(smokeTests);
        rollbackSteps = copy(rollbackSteps);
        notifications = copy(notifications);
    }

    /** The global kill switch ({@code system.canary.enabled}); absent means enabled. */
    public boolean canaryEnabled() {
        return enabled == null || enabled;
    }

    public Stage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
