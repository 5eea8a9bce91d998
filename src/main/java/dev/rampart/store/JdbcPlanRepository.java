package dev.rampart.store;

import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.StoredPlan;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Imported plans in the plans table; a plan is never changed, a re-import adds a newer row. */
public final class JdbcPlanRepository implements PlanRepository {

    private static final String COLUMNS = "id, change_id, service, version, owner, json, sha256, source, imported_at";

    private final SharedConnection db;
    private final Clock clock;

    JdbcPlanRepository(SharedConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public StoredPlan add(String changeId, String service, String version, String owner, String json, String source) {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(json, "json");
        String sha256 = HexFormat.of().formatHex(AuditChain.sha256(json.getBytes(StandardCharsets.UTF_8)));
        Instant importedAt = SqlTime.toMillis(clock.instant());
        long id = db.inTransaction("store the plan " + changeId, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO plans"
                    + " (change_id, service, version, owner, json, sha256, source, imported_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                insert.setString(1, changeId);
                insert.setString(2, service);
                insert.setString(3, version);
                insert.setString(4, owner);
                insert.setString(5, json);
                insert.setString(6, sha256);
                insert.setString(7, source);
                SqlTime.set(insert, 8, importedAt);
                insert.executeUpdate();
                return GeneratedKeys.id(insert);
            }
        });
        return new StoredPlan(id, changeId, service, version, owner, json, sha256, source, importedAt);
    }

    @Override
    public Optional<StoredPlan> find(long id) {
        return first(db.inTransaction("read plan " + id, c -> select(c, "WHERE id = ?", id)));
    }

    @Override
    public Optional<StoredPlan> findByChangeId(String changeId) {
        return first(db.inTransaction("find the plan " + changeId,
                c -> select(c, "WHERE change_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", changeId)));
    }

    @Override
    public List<StoredPlan> list() {
        return db.inTransaction("list plans", c -> select(c, "ORDER BY id DESC"));
    }

    private static List<StoredPlan> select(java.sql.Connection c, String rest, Object... values) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM plans " + rest)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            List<StoredPlan> plans = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    plans.add(new StoredPlan(row.getLong("id"), row.getString("change_id"), row.getString("service"),
                            row.getString("version"), row.getString("owner"), row.getString("json"),
                            row.getString("sha256"), row.getString("source"), SqlTime.get(row, "imported_at")));
                }
            }
            return plans;
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }
}
