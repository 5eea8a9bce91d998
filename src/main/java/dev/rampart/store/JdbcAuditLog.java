package dev.rampart.store;

import dev.rampart.domain.access.AuditCheck;
import dev.rampart.domain.repo.AuditIntegrity;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** The audit trail in the audit_events table, hash-chained by {@link AuditChain}. */
public final class JdbcAuditLog implements AuditLog, AuditIntegrity {

    private static final int VERIFY_BATCH = 1000;

    private final SharedConnection db;

    JdbcAuditLog(SharedConnection db) {
        this.db = db;
    }

    @Override
    public AuditEvent append(NewEvent event) {
        return db.inTransaction("append to the audit log", c -> AuditRows.append(c, event));
    }

    @Override
    public List<AuditEvent> read(long afterSeq, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return AuditRows.events(db.inTransaction("read the audit log",
                c -> AuditRows.select(c, "seq > ?", limit, afterSeq)));
    }

    @Override
    public long count() {
        return db.inTransaction("count audit events", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM audit_events");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /**
     * Recomputes every hash in sequence order and checks the links, that no seq is missing and that the log ends
     * where the chain head says. Reads in batches; events appended meanwhile are left for the next check.
     */
    public AuditVerification verify() {
        ChainHead head = db.inTransaction("read the audit chain head", ChainHead::read);
        AuditVerifier verifier = new AuditVerifier();
        while (verifier.lastVerifiedSeq() < head.seq()) {
            long after = verifier.lastVerifiedSeq();
            List<StoredEvent> batch = db.inTransaction("read the audit log",
                    c -> AuditRows.select(c, "seq > ? AND seq <= ?", VERIFY_BATCH, after, head.seq()));
            for (StoredEvent row : batch) {
                Optional<AuditVerification> broken = verifier.accept(row);
                if (broken.isPresent()) {
                    return broken.get();
                }
            }
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        return verifier.finish(head.seq(), head.hash());
    }

    /** {@link #verify()} as the engine and the screens see it. */
    @Override
    public AuditCheck check() {
        AuditVerification v = verify();
        return new AuditCheck(v.checked(), v.isIntact() ? null : v.firstBadSeq().getAsLong(), v.problem());
    }
}
