package dev.rampart.store;

import dev.rampart.domain.access.TrustLedger;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.repo.TamperedRecordException;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Imported plans in the plans table; a plan is never changed, a re-import adds a newer row. Each import is chained
 * ({@code plan.imported} with the plan's id and SHA-256) in the same transaction, and {@code import_seq} names that
 * event; a plan whose text, hash or event no longer agree is refused when read.
 */
public final class JdbcPlanRepository implements PlanRepository {

    private static final String COLUMNS = "id, change_id, service, version, owner, json, sha256, source, imported_at,"
            + " import_seq";

    private final SharedConnection db;
    private final Clock clock;

    JdbcPlanRepository(SharedConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public StoredPlan add(String changeId, String service, String version, String owner, String json, String source,
                          String importedBy) {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(json, "json");
        String sha256 = sha256(json);
        Instant importedAt = SqlTime.toMillis(clock.instant());
        long id = db.inTransaction("store the plan " + changeId, c -> {
            long planId;
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
                planId = GeneratedKeys.id(insert);
            }
            chain(c, planId, changeId, sha256, source, importedBy, importedAt, false);
            return planId;
        });
        return new StoredPlan(id, changeId, service, version, owner, json, sha256, source, importedAt);
    }

    /** Appends the plan.imported event of plan {@code planId} and points its row at it. */
    static void chain(Connection c, long planId, String changeId, String sha256, String source, String importedBy,
                      Instant at, boolean legacy) throws SQLException {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("plan_id", Long.toString(planId));
        data.put("change_id", changeId);
        data.put("sha256", sha256);
        if (source != null) {
            data.put("source", source);
        }
        if (legacy) {
            data.put("legacy", "true");
        }
        AuditEvent event = AuditRows.append(c, new NewEvent(null, at, TrustLedger.PLAN_IMPORTED, importedBy, null,
                data));
        try (PreparedStatement update = c.prepareStatement("UPDATE plans SET import_seq = ? WHERE id = ?")) {
            update.setLong(1, event.seq());
            update.setLong(2, planId);
            update.executeUpdate();
        }
    }

    @Override
    public Optional<StoredPlan> find(long id) {
        return db.inTransaction("read plan " + id, c -> checked(c, select(c, "WHERE id = ?", id)));
    }

    @Override
    public Optional<StoredPlan> findByChangeId(String changeId) {
        return db.inTransaction("find the plan " + changeId, c -> checked(c,
                select(c, "WHERE change_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", changeId)));
    }

    @Override
    public List<StoredPlan> list() {
        return db.inTransaction("list plans", c -> {
            List<StoredPlan> sound = new ArrayList<>();
            for (Row row : select(c, "ORDER BY id DESC")) {
                if (problem(c, row) == null) {
                    sound.add(row.plan());
                }
            }
            return sound;
        });
    }

    /**
     * What is wrong with a plan row, measured against the chain; null when its text has the hash its import event
     * recorded. For {@code audit verify}.
     */
    static String problem(Connection c, Row row) throws SQLException {
        StoredPlan p = row.plan();
        if (!sha256(p.json()).equals(p.sha256())) {
            return "its text no longer has the SHA-256 it was stored with (it was edited)";
        }
        if (row.importSeq() == null) {
            return "no plan.imported event chains it (it was inserted outside Rampart)";
        }
        Optional<AuditEvent> event = ChainedEvents.at(c, row.importSeq());
        if (event.isEmpty() || !TrustLedger.PLAN_IMPORTED.equals(event.get().type())) {
            return "the event it names (" + row.importSeq() + ") is not a chained plan.imported event";
        }
        Map<String, String> d = event.get().data();
        if (!Long.toString(p.id()).equals(d.get("plan_id"))) {
            return "the event it names (" + row.importSeq() + ") imported plan " + d.get("plan_id") + ", not this one";
        }
        if (!p.sha256().equals(d.get("sha256"))) {
            return "its text is not the one chained by event " + row.importSeq() + " (it was edited after its import)";
        }
        return null;
    }

    private static Optional<StoredPlan> checked(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        String problem = problem(c, row);
        if (problem != null) {
            throw new TamperedRecordException("Plan " + row.plan().id() + " (" + row.plan().changeId() + ") cannot be"
                    + " trusted: " + problem + ". Rampart will not act on it; run 'rampart audit verify'.");
        }
        return Optional.of(row.plan());
    }

    /** A plan row with the event it names. */
    record Row(StoredPlan plan, Long importSeq) {
    }

    static List<Row> select(Connection c, String rest, Object... values) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM plans " + rest)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            List<Row> plans = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long seq = row.getLong("import_seq");
                    Long importSeq = row.wasNull() ? null : seq;
                    plans.add(new Row(new StoredPlan(row.getLong("id"), row.getString("change_id"),
                            row.getString("service"), row.getString("version"), row.getString("owner"),
                            row.getString("json"), row.getString("sha256"), row.getString("source"),
                            SqlTime.get(row, "imported_at")), importSeq));
                }
            }
            return plans;
        }
    }

    static String sha256(String json) {
        return HexFormat.of().formatHex(AuditChain.sha256(json.getBytes(StandardCharsets.UTF_8)));
    }
}
