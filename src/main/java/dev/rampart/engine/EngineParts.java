package dev.rampart.engine;

import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.spi.CommandRunner;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.Notifier;

import java.time.Clock;

/**
 * What one rollout's engine works with; the composition root (or a dry run) builds it once. {@code commands} runs
 * the plan's checklist commands and rollback-step commands; without one, those gates stay shut.
 */
public record EngineParts(DeploymentAdapter adapter, MetricSource metrics, Notifier notifier,
                          RolloutRepository rollouts, IntentRepository intents, ApprovalBook approvals, Clock clock,
                          EngineSettings settings, CommandRunner commands) {

    public EngineParts {
        commands = commands == null ? CommandRunner.unavailable() : commands;
    }

    /** Parts with no command runner: a checklist command or rollback step command cannot run, and says so. */
    public EngineParts(DeploymentAdapter adapter, MetricSource metrics, Notifier notifier, RolloutRepository rollouts,
                       IntentRepository intents, ApprovalBook approvals, Clock clock, EngineSettings settings) {
        this(adapter, metrics, notifier, rollouts, intents, approvals, clock, settings, null);
    }
}
