package dev.rampart.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The identity value of a row just inserted by a statement prepared with {@code new String[] {"id"}}. */
final class GeneratedKeys {

    private GeneratedKeys() {
    }

    static long id(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("The database returned no id for the new row");
            }
            return keys.getLong(1);
        }
    }
}
