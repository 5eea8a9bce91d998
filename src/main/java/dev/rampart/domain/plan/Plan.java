package dev.rampart.domain.plan;

import java.time.Duration;
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
        Boolean enabled,
        Monitoring monitoring,
        Duration watch) {

    public static final String SCHEMA = "rampart/plan/v1";
    /** How long a completed rollout stays watched (halt rules enforced, rollback allowed) when the plan says nothing. */
    public static final Duration DEFAULT_WATCH = Duration.ofDays(7);

    public Plan {
        stages = copy(stages);
        haltRules = copy(haltRules);
        preconditions = copy(preconditions);
        smokeTests = copy(smokeTests);
        rollbackSteps = copy(rollbackSteps);
        notifications = copy(notifications);
    }

    /** A plan without {@code monitoring} and {@code watch}: their defaults apply. */
    public Plan(String schema, String changeId, String service, String version, String previousVersion, String owner,
                String description, List<Stage> stages, List<String> haltRules, Approvals approvals,
                List<ChecklistItem> preconditions, List<ChecklistItem> smokeTests, List<RollbackStep> rollbackSteps,
                Schedule schedule, AdapterSettings adapter, MetricSettings metrics, List<Notification> notifications,
                Boolean enabled) {
        this(schema, changeId, service, version, previousVersion, owner, description, stages, haltRules, approvals,
                preconditions, smokeTests, rollbackSteps, schedule, adapter, metrics, notifications, enabled, null, null);
    }

    /** The longest a metric a rule needs may go without a finite reading before the rollout pauses. */
    public Duration maxGap() {
        return monitoring == null || monitoring.maxGap() == null ? Monitoring.DEFAULT_MAX_GAP : monitoring.maxGap();
    }

    /** How long after completion the rollout stays watched and can be rolled back. */
    public Duration watchOrDefault() {
        return watch == null ? DEFAULT_WATCH : watch;
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
