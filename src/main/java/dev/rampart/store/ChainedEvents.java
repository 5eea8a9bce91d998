package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** One event read from within the chain, only if it carries the hash of its own content. */
final class ChainedEvents {
    private ChainedEvents() {
    }

    static Optional<AuditEvent> at(Connection c, long seq) throws SQLException {
        List<StoredEvent> rows = AuditRows.select(c, "seq = ? AND " + JdbcAuditLog.IN_CHAIN, 1, seq);
        if (rows.isEmpty() || !new HashCheck(rows).run()[0]) {
            return Optional.empty();
        }
        try {
            return Optional.of(rows.get(0).toEvent());
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }
}
