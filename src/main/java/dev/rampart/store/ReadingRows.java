package dev.rampart.store;

import dev.rampart.domain.rollout.Reading;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The metric_readings table. Infinities and NaN are kept as a word beside the value (H2 and PostgreSQL disagree on
 * how to store them), and the stable population as cohort ''.
 */
final class ReadingRows {
    private static final String COLUMNS = "rollout_id, at, cohort, metric, kind, measured";

    private final SharedConnection db;

    ReadingRows(SharedConnection db) {
        this.db = db;
    }

    void record(long rolloutId, List<Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        db.inTransaction("record the readings of rollout " + rolloutId, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO metric_readings (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Reading r : readings) {
                    insert.setLong(1, rolloutId);
                    SqlTime.set(insert, 2, r.at());
                    insert.setString(3, r.cohort() == null ? "" : r.cohort());
                    insert.setString(4, r.metric());
                    insert.setString(5, word(r.value()));
                    if (Double.isFinite(r.value())) {
                        insert.setDouble(6, r.value());
                    } else {
                        insert.setNull(6, Types.DOUBLE);
                    }
                    insert.addBatch();
                }
                return insert.executeBatch().length;
            }
        });
    }

    List<Reading> since(long rolloutId, Instant since) {
        return db.inTransaction("read the readings of rollout " + rolloutId, c -> select(c,
                "WHERE rollout_id = ? AND at >= ? ORDER BY at, id", s -> {
                    s.setLong(1, rolloutId);
                    SqlTime.set(s, 2, since);
                }));
    }

    List<Reading> latest(long rolloutId, String cohort, String metric, int limit) {
        return db.inTransaction("read the latest readings of rollout " + rolloutId, c -> select(c,
                "WHERE rollout_id = ? AND cohort = ? AND metric = ? ORDER BY at DESC, id DESC FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY", s -> {
                    s.setLong(1, rolloutId);
                    s.setString(2, cohort == null ? "" : cohort);
                    s.setString(3, metric);
                }));
    }

    Optional<Instant> last(long rolloutId) {
        return db.inTransaction("read when rollout " + rolloutId + " was last measured", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT MAX(at) FROM metric_readings WHERE rollout_id = ?")) {
                q.setLong(1, rolloutId);
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? Optional.ofNullable(SqlTime.get(row, 1)) : Optional.<Instant>empty();
                }
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private static List<Reading> select(Connection c, String rest, Binder binder) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM metric_readings " + rest)) {
            binder.bind(q);
            List<Reading> out = new ArrayList<>();
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    String cohort = row.getString("cohort");
                    double v = row.getDouble("measured");
                    boolean none = row.wasNull();
                    out.add(new Reading(row.getLong("rollout_id"), SqlTime.get(row, "at"),
                            cohort.isEmpty() ? null : cohort, row.getString("metric"),
                            value(row.getString("kind"), none ? Double.NaN : v)));
                }
            }
            return out;
        }
    }

    private static String word(double v) {
        if (Double.isNaN(v)) {
            return "none";
        }
        return v == Double.POSITIVE_INFINITY ? "+inf" : v == Double.NEGATIVE_INFINITY ? "-inf" : "value";
    }

    private static double value(String word, double stored) {
        return switch (word) {
            case "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "value" -> stored;
            default -> Double.NaN;
        };
    }
}
