package dev.rampart.domain.repo;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;

import java.util.List;
import java.util.Optional;

public interface RolloutRepository {
    /** Creates a rollout of a plan and appends {@code event} in the same transaction. */
    Rollout create(long planId, RolloutState state, String startedBy, NewEvent event);

    /**
     * Persists {@code changed} and appends {@code events} atomically, only if the stored rollout still has
     * {@code changed.version()}; returns it with the next version.
     *
     * @throws ConcurrentChangeException when someone else changed the rollout first
     */
    Rollout update(Rollout changed, List<NewEvent> events);

    Optional<Rollout> find(long id);

    /** Every rollout, newest first. */
    List<Rollout> list();

    List<AuditEvent> events(long rolloutId);
}
