package dev.rampart.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The last appended event as recorded in audit_chain_head. */
record ChainHead(long seq, String hash) {

    static ChainHead read(Connection c) throws SQLException {
        return select(c, "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
    }

    /** Reads the head and keeps its row locked until the transaction ends: appenders queue here. */
    static ChainHead lock(Connection c) throws SQLException {
        return select(c, "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
    }

    private static ChainHead select(Connection c, String sql) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("The audit chain head row is missing; the store was edited outside Rampart");
            }
            return new ChainHead(row.getLong(1), row.getString(2));
        }
    }
}
