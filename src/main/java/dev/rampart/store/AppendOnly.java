package dev.rampart.store;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The H2 trigger that keeps audit_events and signatures append-only: it refuses every UPDATE and DELETE made
 * through a connection, the app's own included (migration V5). The only class of the store that knows H2.
 */
public final class AppendOnly implements Trigger {
    private String table = "this table";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: Rampart never changes or deletes its rows", "42501");
    }
}
