package dev.rampart.store;

import dev.rampart.domain.repo.ConcurrentChangeException;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Reading;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rollouts in the rollouts table. Every change is saved together with the audit events that explain it, in one
 * transaction, guarded by the version column.
 */
public final class JdbcRolloutRepository implements RolloutRepository {

    private static final String COLUMNS = "id, plan_id, state, stage_index, started_by, created_at, updated_at, version";

    private final SharedConnection db;
    private final ReadingRows readings;

    JdbcRolloutRepository(SharedConnection db) {
        this.db = db;
        this.readings = new ReadingRows(db);
    }

    /** The new rollout starts at version 1, before its first stage, created at {@code event.at()}; the event is recorded against it. */
    @Override
    public Rollout create(long planId, RolloutState state, String startedBy, NewEvent event) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Instant at = SqlTime.toMillis(Objects.requireNonNull(event.at(), "event.at"));
        return db.inTransaction("start a rollout of plan " + planId, c -> {
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO rollouts"
                    + " (plan_id, state, stage_index, started_by, created_at, updated_at, version)"
                    + " VALUES (?, ?, -1, ?, ?, ?, 1)", new String[] {"id"})) {
                insert.setLong(1, planId);
                insert.setString(2, state.wireName());
                insert.setString(3, startedBy);
                SqlTime.set(insert, 4, at);
                SqlTime.set(insert, 5, at);
                insert.executeUpdate();
                id = GeneratedKeys.id(insert);
            }
            AuditRows.append(c, new NewEvent(id, at, event.type(), event.actor(), event.stage(), event.data()));
            return new Rollout(id, planId, state, -1, startedBy, at, at, 1);
        });
    }

    /**
     * Saves state, stage index and updated-at of {@code changed}; plan, starter and creation time never change.
     * Events without a rollout id are recorded against this rollout; an event naming another rollout is refused.
     */
    @Override
    public Rollout update(Rollout changed, List<NewEvent> events) {
        Objects.requireNonNull(changed.state(), "state");
        Instant updatedAt = SqlTime.toMillis(Objects.requireNonNull(changed.updatedAt(), "updatedAt"));
        List<NewEvent> own = events.stream().map(e -> about(changed.id(), e)).toList();
        return db.inTransaction("save rollout " + changed.id(), c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE rollouts"
                    + " SET state = ?, stage_index = ?, updated_at = ?, version = version + 1"
                    + " WHERE id = ? AND version = ?")) {
                update.setString(1, changed.state().wireName());
                update.setInt(2, changed.stageIndex());
                SqlTime.set(update, 3, updatedAt);
                update.setLong(4, changed.id());
                update.setLong(5, changed.version());
                if (update.executeUpdate() == 0) {
                    throw notUpdated(c, changed);
                }
            }
            for (NewEvent event : own) {
                AuditRows.append(c, event);
            }
            return select(c, "WHERE id = ?", changed.id()).get(0);
        });
    }

    @Override
    public Optional<Rollout> find(long id) {
        return db.inTransaction("read rollout " + id, c -> select(c, "WHERE id = ?", id)).stream().findFirst();
    }

    @Override
    public List<Rollout> list() {
        return db.inTransaction("list rollouts", c -> select(c, "ORDER BY id DESC"));
    }

    @Override
    public List<AuditEvent> events(long rolloutId) {
        return AuditRows.events(db.inTransaction("read the events of rollout " + rolloutId,
                c -> AuditRows.select(c, "rollout_id = ? AND " + JdbcAuditLog.IN_CHAIN, 0, rolloutId)));
    }

    @Override
    public List<AuditEvent> events(long rolloutId, long afterSeq) {
        return AuditRows.events(db.inTransaction("read the new events of rollout " + rolloutId,
                c -> AuditRows.select(c, "rollout_id = ? AND seq > ?", 0, rolloutId, afterSeq)));
    }

    @Override
    public void recordReadings(long rolloutId, List<Reading> tick) {
        readings.record(rolloutId, tick);
    }

    @Override
    public List<Reading> readings(long rolloutId, Instant since) {
        return readings.since(rolloutId, since);
    }

    @Override
    public List<Reading> latestReadings(long rolloutId, String cohort, String metric, int limit) {
        return readings.latest(rolloutId, cohort, metric, limit);
    }

    @Override
    public Optional<Instant> lastReadingAt(long rolloutId) {
        return readings.last(rolloutId);
    }

    private static NewEvent about(long rolloutId, NewEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.rolloutId() != null && event.rolloutId() != rolloutId) {
            throw new IllegalArgumentException("An event of rollout " + rolloutId + " names rollout " + event.rolloutId());
        }
        return new NewEvent(rolloutId, event.at(), event.type(), event.actor(), event.stage(), event.data());
    }

    private static RuntimeException notUpdated(Connection c, Rollout changed) throws SQLException {
        List<Rollout> stored = select(c, "WHERE id = ?", changed.id());
        if (stored.isEmpty()) {
            return new IllegalArgumentException("There is no rollout " + changed.id());
        }
        return new ConcurrentChangeException("Rollout " + changed.id() + " was changed by someone else (version "
                + stored.get(0).version() + ", not " + changed.version() + "); read it again and decide again");
    }

    private static List<Rollout> select(Connection c, String rest, Object... values) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM rollouts " + rest)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            List<Rollout> rollouts = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rollouts.add(new Rollout(row.getLong("id"), row.getLong("plan_id"),
                            RolloutState.fromWire(row.getString("state")), row.getInt("stage_index"),
                            row.getString("started_by"), SqlTime.get(row, "created_at"),
                            SqlTime.get(row, "updated_at"), row.getLong("version")));
                }
            }
            return rollouts;
        }
    }
}
