package dev.rampart.domain.rollout;

import java.time.Instant;

/**
 * A plan being executed. {@code stageIndex} is -1 before the first stage is entered.
 * {@code version} increases with every persisted change, so concurrent writers can be detected.
 */
public record Rollout(
        long id,
        long planId,
        RolloutState state,
        int stageIndex,
        String startedBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Rollout withState(RolloutState newState, int newStageIndex, Instant at) {
        return new Rollout(id, planId, newState, newStageIndex, startedBy, createdAt, at, version);
    }
}
