package dev.rampart.domain.repo;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Reading;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;

import java.time.Instant;
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

    /** The rollout's events after sequence number {@code afterSeq}, in order: what a reader has not seen yet. */
    default List<AuditEvent> events(long rolloutId, long afterSeq) {
        return events(rolloutId).stream().filter(e -> e.seq() > afterSeq).toList();
    }

    /**
     * Appends one tick's judged readings of a rollout (every one at the same instant), atomically. Readings are what
     * "held continuously for N", baselines and the monitoring gate are computed from, so that a new process decides
     * exactly as the old one would have.
     */
    void recordReadings(long rolloutId, List<Reading> readings);

    /** The readings of a rollout taken at or after {@code since}, oldest first: exactly what the engine judged on. */
    List<Reading> readings(long rolloutId, Instant since);

    /**
     * The latest {@code limit} readings of one metric of one population ({@code cohort} null: the stable one),
     * newest first; for baselines and sigma history.
     */
    List<Reading> latestReadings(long rolloutId, String cohort, String metric, int limit);

    /** When the rollout's latest readings were taken, if it has any. */
    Optional<Instant> lastReadingAt(long rolloutId);
}
