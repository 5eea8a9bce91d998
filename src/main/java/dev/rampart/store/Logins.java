package dev.rampart.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * The login a connection appends as. On PostgreSQL it is the user the connection authenticated as, which is
 * {@code session_user} (Rampart never changes its session authorization) and which the audit trigger demands; H2
 * has no logins worth the name (the file's owner is the person), so none is recorded there.
 */
final class Logins {
    private Logins() {
    }

    static String of(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        return "PostgreSQL".equals(meta.getDatabaseProductName()) ? meta.getUserName() : null;
    }
}
