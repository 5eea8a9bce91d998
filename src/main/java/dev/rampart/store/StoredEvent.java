package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** An audit row as it lies in the table, data still as text, so that a damaged row can be reported, not thrown. */
record StoredEvent(long seq, Long rolloutId, Instant at, String type, String actor, String stage, String data,
                   String previousHash, String hash) {

    static final String COLUMNS = "seq, rollout_id, at, type, actor, stage, data, previous_hash, hash";

    static StoredEvent from(ResultSet row) throws SQLException {
        long rolloutId = row.getLong("rollout_id");
        Long nullableRolloutId = row.wasNull() ? null : rolloutId;
        return new StoredEvent(row.getLong("seq"), nullableRolloutId, SqlTime.get(row, "at"),
                row.getString("type"), row.getString("actor"), row.getString("stage"), row.getString("data"),
                row.getString("previous_hash"), row.getString("hash"));
    }

    /** @throws IllegalArgumentException when the data column is not a JSON object of strings */
    AuditEvent toEvent() {
        return new AuditEvent(seq, rolloutId, at, type, actor, stage, EventData.read(data), previousHash, hash);
    }
}
