package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Appending to and reading the audit_events table, inside a transaction the caller owns. */
final class AuditRows {

    private AuditRows() {
    }

    /**
     * Appends {@code event} after the current chain head. The head row stays locked until the caller's transaction
     * ends, so a concurrent appender (another thread or another process on PostgreSQL) waits and then chains to this
     * event, never to the same predecessor.
     */
    static AuditEvent append(Connection c, NewEvent event) throws SQLException {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(event.at(), "event.at");
        if (event.type() == null || event.type().isBlank()) {
            throw new IllegalArgumentException("An audit event needs a type");
        }
        ChainHead head = ChainHead.lock(c);
        long seq = head.seq() + 1;
        Instant at = SqlTime.toMillis(event.at());
        String login = Logins.of(c);
        String hash = AuditChain.hash(seq, event.rolloutId(), at, event.type(), event.actor(), event.stage(),
                event.data(), head.hash(), login);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_events (" + StoredEvent.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setObject(2, event.rolloutId(), Types.BIGINT);
            SqlTime.set(insert, 3, at);
            insert.setString(4, event.type());
            insert.setString(5, event.actor());
            insert.setString(6, event.stage());
            insert.setString(7, EventData.write(event.data()));
            insert.setString(8, head.hash());
            insert.setString(9, hash);
            insert.setString(10, login);
            insert.executeUpdate();
        }
        try (PreparedStatement move = c.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            move.setLong(1, seq);
            move.setString(2, hash);
            move.executeUpdate();
        }
        AuditEvent appended = new AuditEvent(seq, event.rolloutId(), at, event.type(), event.actor(), event.stage(),
                event.data(), head.hash(), hash, login);
        Appended.note(appended);
        return appended;
    }

    /** Rows matching {@code condition} (with {@code ?} bound to {@code values}) in sequence order. */
    static List<StoredEvent> select(Connection c, String condition, int limit, long... values) throws SQLException {
        String sql = "SELECT " + StoredEvent.COLUMNS + " FROM audit_events WHERE " + condition + " ORDER BY seq"
                + (limit > 0 ? " FETCH FIRST " + limit + " ROWS ONLY" : "");
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setLong(i + 1, values[i]);
            }
            List<StoredEvent> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(StoredEvent.from(row));
                }
            }
            return rows;
        }
    }

    static List<AuditEvent> events(List<StoredEvent> rows) {
        List<AuditEvent> events = new ArrayList<>(rows.size());
        for (StoredEvent row : rows) {
            try {
                events.add(row.toEvent());
            } catch (IllegalArgumentException e) {
                throw new StoreException("Audit event " + row.seq() + " cannot be read: " + e.getMessage()
                        + ". It was changed outside Rampart; run 'rampart audit verify'.", e);
            }
        }
        return events;
    }
}
