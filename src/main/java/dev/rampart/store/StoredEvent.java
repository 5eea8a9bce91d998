package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** An audit row as it lies in the table, data still as text, so that a damaged row can be reported, not thrown. */
record StoredEvent(long seq, Long rolloutId, Instant at, String type, String actor, String stage, String data,
                   String previousHash, String hash, String login) {

    static final String COLUMNS = "seq, rollout_id, at, type, actor, stage, data, previous_hash, hash, login";

    /** Reads a row selected with {@link #COLUMNS}, by position (a million rows are verified at a time). */
    static StoredEvent from(ResultSet row) throws SQLException {
        long rolloutId = row.getLong(2);
        Long nullableRolloutId = row.wasNull() ? null : rolloutId;
        return new StoredEvent(row.getLong(1), nullableRolloutId, SqlTime.get(row, 3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10));
    }

    /** @throws IllegalArgumentException when the data column is not a JSON object of strings */
    AuditEvent toEvent() {
        return new AuditEvent(seq, rolloutId, at, type, actor, stage, EventData.read(data), previousHash, hash, login);
    }
}
