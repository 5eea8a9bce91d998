package dev.rampart.engine;

import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.Notifier;

import java.time.Clock;

/** What one rollout's engine works with; the composition root (or a dry run) builds it once. */
public record EngineParts(DeploymentAdapter adapter, MetricSource metrics, Notifier notifier,
                          RolloutRepository rollouts, IntentRepository intents, ApprovalBook approvals, Clock clock,
                          EngineSettings settings) {
}
