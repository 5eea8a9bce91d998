package dev.rampart.engine;

import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Reading;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A rollout store that, while {@link #refuse} is set, refuses every read and write, as a dropped connection does. */
final class FlakyRollouts implements RolloutRepository {
    private final RolloutRepository inner;
    volatile boolean refuse;

    FlakyRollouts(RolloutRepository inner) {
        this.inner = inner;
    }

    private void check() {
        if (refuse) {
            throw new IllegalStateException("the store refused: connection dropped");
        }
    }

    @Override
    public Rollout create(long planId, RolloutState state, String startedBy, NewEvent event) {
        check();
        return inner.create(planId, state, startedBy, event);
    }

    @Override
    public Rollout update(Rollout changed, List<NewEvent> events) {
        check();
        return inner.update(changed, events);
    }

    @Override
    public Optional<Rollout> find(long id) {
        check();
        return inner.find(id);
    }

    @Override
    public List<Rollout> list() {
        check();
        return inner.list();
    }

    @Override
    public List<AuditEvent> events(long rolloutId) {
        check();
        return inner.events(rolloutId);
    }

    @Override
    public List<AuditEvent> events(long rolloutId, long afterSeq) {
        check();
        return inner.events(rolloutId, afterSeq);
    }

    @Override
    public void recordReadings(long rolloutId, List<Reading> readings) {
        check();
        inner.recordReadings(rolloutId, readings);
    }

    @Override
    public List<Reading> readings(long rolloutId, Instant since) {
        check();
        return inner.readings(rolloutId, since);
    }

    @Override
    public List<Reading> latestReadings(long rolloutId, String cohort, String metric, int limit) {
        check();
        return inner.latestReadings(rolloutId, cohort, metric, limit);
    }

    @Override
    public Optional<Instant> lastReadingAt(long rolloutId) {
        check();
        return inner.lastReadingAt(rolloutId);
    }
}
