package dev.rampart.attacks;

import dev.rampart.store.AuditChain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an attacker with plain SQL access can do to the chain without breaking a single hash: append a well-formed
 * event after the head (the hash computed as Rampart computes it) and move the head to it; or rewind the head.
 */
final class ChainForger {
    private ChainForger() {
    }

    /** Appends a correctly hashed event as the connection's login ({@code login} null on H2); returns its seq. */
    static long append(Connection c, Long rolloutId, String type, String actor, String stage,
                       Map<String, String> data, String login) throws SQLException {
        long seq;
        String previous;
        try (PreparedStatement q = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            row.next();
            seq = row.getLong(1) + 1;
            previous = row.getString(2);
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditChain.hash(seq, rolloutId, at, type, actor, stage, data, previous, login);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_events (seq, rollout_id, at, type, actor,"
                + " stage, data, previous_hash, hash, login) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setObject(2, rolloutId, java.sql.Types.BIGINT);
            insert.setObject(3, at.atOffset(ZoneOffset.UTC));
            insert.setString(4, type);
            insert.setString(5, actor);
            insert.setString(6, stage);
            insert.setString(7, json(data));
            insert.setString(8, previous);
            insert.setString(9, hash);
            insert.setString(10, login);
            insert.executeUpdate();
        }
        moveHead(c, seq, hash);
        return seq;
    }

    static void moveHead(Connection c, long seq, String hash) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?"
                + " WHERE id = 1")) {
            update.setLong(1, seq);
            update.setString(2, hash);
            update.executeUpdate();
        }
    }

    static String hashOf(Connection c, long seq) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT hash FROM audit_events WHERE seq = ?")) {
            q.setLong(1, seq);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? row.getString(1) : "0".repeat(64);
            }
        }
    }

    static long head(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM audit_chain_head WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The canonical JSON Rampart writes: sorted keys, no spaces. */
    static String json(Map<String, String> data) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> e : new TreeMap<>(data).entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(escape(e.getKey())).append("\":\"").append(escape(e.getValue())).append('"');
        }
        return out.append('}').toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
