package dev.rampart.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Once, on the first start after the upgrade that chained plan imports: the plans imported before it get their
 * {@code plan.imported} events (marked legacy), and {@code store.plans_chained} records that it happened, so it never
 * happens again: from then on a plan row without its event is refused, not adopted. A login that may not write
 * (the agent) leaves it to the next person who starts Rampart.
 */
final class TrustUpgrade {
    static final String PLANS_CHAINED = "store.plans_chained";

    private TrustUpgrade() {
    }

    static void run(SharedConnection db, Clock clock) {
        long upTo = db.inTransaction("read the store's identity", TrustUpgrade::legacyPlansUpTo);
        if (upTo <= 0 || done(db)) {
            return;
        }
        try {
            db.inTransaction("chain the plans imported before this version", c -> {
                ChainHead.lock(c);
                if (chained(c)) {
                    return null;
                }
                Instant at = SqlTime.toMillis(clock.instant());
                List<JdbcPlanRepository.Row> rows = JdbcPlanRepository.select(c,
                        "WHERE id <= ? AND import_seq IS NULL ORDER BY id", upTo);
                for (JdbcPlanRepository.Row row : rows) {
                    // The text as it is now: verified against its own stored hash, the only record there was.
                    if (JdbcPlanRepository.sha256(row.plan().json()).equals(row.plan().sha256())) {
                        JdbcPlanRepository.chain(c, row.plan().id(), row.plan().changeId(), row.plan().sha256(),
                                row.plan().source(), null, at, true);
                    }
                }
                AuditRows.append(c, new dev.rampart.domain.rollout.NewEvent(null, at, PLANS_CHAINED, null, null,
                        Map.of("up_to_plan_id", Long.toString(upTo), "plans", Integer.toString(rows.size()))));
                return null;
            });
        } catch (StoreException e) {
            // e.g. the agent's login may not write plans; the next person's start does it
        }
    }

    private static boolean done(SharedConnection db) {
        return db.inTransaction("read the chain", TrustUpgrade::chained);
    }

    private static boolean chained(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM audit_events WHERE type = ? AND "
                + JdbcAuditLog.IN_CHAIN)) {
            query.setString(1, PLANS_CHAINED);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    private static long legacyPlansUpTo(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT legacy_plans_up_to FROM store_info WHERE id = 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
