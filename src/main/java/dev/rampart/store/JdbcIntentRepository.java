package dev.rampart.store;

import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Adapter intents in the adapter_intents table; each write is its own committed transaction. */
public final class JdbcIntentRepository implements IntentRepository {

    private static final String COLUMNS =
            "intent_key, rollout_id, action, payload, created_at, status, outcome, finished_at";

    private final SharedConnection db;

    JdbcIntentRepository(SharedConnection db) {
        this.db = db;
    }

    @Override
    public void record(Intent intent) {
        db.inTransaction("record the intent " + intent.key(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO adapter_intents (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, intent.key());
                insert.setLong(2, intent.rolloutId());
                insert.setString(3, intent.action());
                insert.setString(4, EventData.write(intent.payload()));
                SqlTime.set(insert, 5, intent.createdAt());
                insert.setString(6, intent.status().wireName());
                insert.setString(7, intent.outcome());
                setTime(insert, 8, intent);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void finish(Intent finished) {
        int updated = db.inTransaction("finish the intent " + finished.key(), c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE adapter_intents"
                    + " SET status = ?, outcome = ?, finished_at = ? WHERE intent_key = ?")) {
                update.setString(1, finished.status().wireName());
                update.setString(2, finished.outcome());
                setTime(update, 3, finished);
                update.setString(4, finished.key());
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalStateException("There is no intent " + finished.key());
        }
    }

    @Override
    public List<Intent> unfinished(long rolloutId) {
        return db.inTransaction("read the unfinished intents of rollout " + rolloutId,
                c -> select(c, "WHERE rollout_id = ? AND status = ? ORDER BY id", rolloutId,
                        IntentStatus.PENDING.wireName()));
    }

    @Override
    public List<Intent> all(long rolloutId) {
        return db.inTransaction("read the intents of rollout " + rolloutId,
                c -> select(c, "WHERE rollout_id = ? ORDER BY id", rolloutId));
    }

    private static void setTime(PreparedStatement s, int index, Intent intent) throws SQLException {
        if (intent.finishedAt() == null) {
            s.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            SqlTime.set(s, index, intent.finishedAt());
        }
    }

    private static List<Intent> select(Connection c, String rest, Object... values) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM adapter_intents " + rest)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            List<Intent> intents = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    intents.add(new Intent(row.getLong("rollout_id"), row.getString("intent_key"),
                            row.getString("action"), EventData.read(row.getString("payload")),
                            SqlTime.get(row, "created_at"), IntentStatus.fromWire(row.getString("status")),
                            row.getString("outcome"), SqlTime.get(row, "finished_at")));
                }
            }
            return intents;
        }
    }
}
