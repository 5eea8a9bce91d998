package dev.rampart.store;

import dev.rampart.domain.access.AuditCheck;
import dev.rampart.domain.repo.AuditIntegrity;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.sql.PreparedStatement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** The audit trail in the audit_events table, hash-chained by {@link AuditChain}. */
public final class JdbcAuditLog implements AuditLog, AuditIntegrity {

    private static final int VERIFY_BATCH = 10_000;

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
        // Hashing one batch while the next is read: the two halves of the work run on two cores.
        ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rampart-audit-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            long after = 0;
            List<StoredEvent> previous = null;
            Future<boolean[]> hashed = null;
            while (true) {
                long from = after;
                List<StoredEvent> batch = after >= head.seq() ? List.of() : db.inTransaction("read the audit log",
                        c -> AuditRows.select(c, "seq > ? AND seq <= ?", VERIFY_BATCH, from, head.seq()));
                if (previous != null) {
                    Optional<AuditVerification> broken = verifier.accept(previous, join(hashed));
                    if (broken.isPresent()) {
                        return broken.get();
                    }
                }
                if (batch.isEmpty()) {
                    break;
                }
                HashCheck check = new HashCheck(batch);
                hashed = hasher.submit(check::run);
                previous = batch;
                after = batch.get(batch.size() - 1).seq();
            }
        } finally {
            hasher.shutdownNow();
        }
        AuditVerification verdict = verifier.finish(head.seq(), head.hash());
        return verdict.isIntact() ? beyondTheHead(verdict) : verdict;
    }

    private static boolean[] join(Future<boolean[]> hashed) {
        try {
            return hashed.get();
        } catch (ExecutionException e) {
            throw new StoreException("Could not verify the audit log: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Verifying the audit log was interrupted", e);
        }
    }

    /**
     * Appends move the head in the same transaction as they insert, so a row past the head was put there by hand.
     * One statement, so one snapshot even on PostgreSQL while others append.
     */
    private AuditVerification beyondTheHead(AuditVerification intact) {
        long first = db.inTransaction("read the audit log", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT MIN(seq) FROM audit_events"
                    + " WHERE seq > (SELECT last_seq FROM audit_chain_head WHERE id = 1)");
                 ResultSet row = query.executeQuery()) {
                row.next();
                long seq = row.getLong(1);
                return row.wasNull() ? 0L : seq;
            }
        });
        return first == 0 ? intact : AuditVerification.broken(first, "it lies beyond the chain head (it was inserted"
                + " outside Rampart)", intact.checked());
    }

    /** {@link #verify()} as the engine and the screens see it. */
    @Override
    public AuditCheck check() {
        AuditVerification v = verify();
        return new AuditCheck(v.checked(), v.isIntact() ? null : v.firstBadSeq().getAsLong(), v.problem());
    }
}
