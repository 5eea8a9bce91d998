package dev.rampart.store;

import dev.rampart.domain.access.AuditCheck;
import dev.rampart.domain.repo.AuditIntegrity;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.repo.TrustLog;
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
public final class JdbcAuditLog implements AuditLog, AuditIntegrity, TrustLog {

    private static final int VERIFY_BATCH = 10_000;
    /** Rows that lie within the chain: from the first event to the one the chain head names. */
    static final String IN_CHAIN = "seq >= 1 AND seq <= (SELECT last_seq FROM audit_chain_head WHERE id = 1)";

    private final SharedConnection db;
    private final boolean teamStore;
    private volatile String storeId;
    private volatile String login;

    private final String location;

    JdbcAuditLog(SharedConnection db, boolean teamStore, String location) {
        this.db = db;
        this.teamStore = teamStore;
        this.location = location;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String storeId() {
        if (storeId == null) {
            storeId = db.inTransaction("read the store's identity", c -> {
                try (PreparedStatement query = c.prepareStatement("SELECT store_id FROM store_info WHERE id = 1");
                     ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new java.sql.SQLException("The store has no identity (store_info is empty); it was"
                                + " edited outside Rampart");
                    }
                    return row.getString(1);
                }
            });
        }
        return storeId;
    }

    @Override
    public boolean teamStore() {
        return teamStore;
    }

    @Override
    public String login() {
        if (login == null && teamStore) {
            login = db.inTransaction("read the login", Logins::of);
        }
        return login;
    }

    @Override
    public List<AuditEvent> events(java.util.Set<String> types) {
        return trusted(types, "");
    }

    private record Replayed(long count, long lastSeq, long head, dev.rampart.domain.access.TrustLedger ledger) {
    }

    private volatile Replayed replayed;

    /**
     * Who is who, replayed from the chain; kept while no trust event was appended (their count and last sequence
     * number, one indexed aggregate, say so) and the chain was not cut back behind it, so an access check or a tick
     * does not parse them all again.
     */
    @Override
    public dev.rampart.domain.access.TrustLedger ledger() {
        return db.inTransaction("read who is who", c -> {
            List<String> types = List.copyOf(dev.rampart.domain.access.TrustLedger.TYPES);
            long count;
            long last;
            long head;
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*), MAX(seq),"
                    + " (SELECT last_seq FROM audit_chain_head WHERE id = 1) FROM audit_events WHERE type IN ("
                    + String.join(", ", java.util.Collections.nCopies(types.size(), "?")) + ") AND " + IN_CHAIN)) {
                for (int i = 0; i < types.size(); i++) {
                    q.setString(i + 1, types.get(i));
                }
                try (ResultSet row = q.executeQuery()) {
                    row.next();
                    count = row.getLong(1);
                    last = row.getLong(2);
                    head = row.getLong(3);
                }
            }
            Replayed r = replayed;
            if (r != null && r.count() == count && r.lastSeq() == last && head >= r.head()) {
                return r.ledger();
            }
            dev.rampart.domain.access.TrustLedger fresh = ledger(c);
            replayed = new Replayed(count, last, head, fresh);
            return fresh;
        });
    }

    @Override
    public List<AuditEvent> events(long rolloutId, java.util.Set<String> types) {
        return trusted(types, " AND rollout_id = " + rolloutId);
    }

    @Override
    public Optional<AuditEvent> firstEvent(long rolloutId) {
        List<StoredEvent> rows = db.inTransaction("read the first event of rollout " + rolloutId,
                c -> AuditRows.select(c, "rollout_id = ? AND " + IN_CHAIN, 1, rolloutId));
        return sound(rows).stream().findFirst();
    }

    /** Rows of these types within the chain whose hash is their own; the others are audit verify's to name. */
    private List<AuditEvent> trusted(java.util.Set<String> types, String andAlso) {
        return db.inTransaction("read the chain", c -> trusted(c, types, andAlso));
    }

    static List<AuditEvent> trusted(java.sql.Connection c, java.util.Set<String> types, String andAlso)
            throws java.sql.SQLException {
        if (types.isEmpty()) {
            return List.of();
        }
        String in = "type IN (" + String.join(", ", java.util.Collections.nCopies(types.size(), "?")) + ")";
        List<String> values = List.copyOf(types);
        List<StoredEvent> rows = new java.util.ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT " + StoredEvent.COLUMNS + " FROM audit_events"
                + " WHERE " + in + " AND " + IN_CHAIN + andAlso + " ORDER BY seq")) {
            for (int i = 0; i < values.size(); i++) {
                query.setString(i + 1, values.get(i));
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(StoredEvent.from(row));
                }
            }
        }
        return sound(rows);
    }

    /** Who is who, replayed inside a transaction the caller owns. */
    dev.rampart.domain.access.TrustLedger ledger(java.sql.Connection c) throws java.sql.SQLException {
        return dev.rampart.domain.access.TrustLedger.of(storeId(), teamStore,
                trusted(c, dev.rampart.domain.access.TrustLedger.TYPES, ""));
    }

    private static List<AuditEvent> sound(List<StoredEvent> rows) {
        boolean[] ok = new HashCheck(rows).run();
        List<AuditEvent> events = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (ok[i]) {
                try {
                    events.add(rows.get(i).toEvent());
                } catch (IllegalArgumentException damaged) {
                    // a row whose data is not ours is audit verify's to name
                }
            }
        }
        return events;
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
                c -> AuditRows.select(c, "seq > ? AND " + IN_CHAIN, limit, afterSeq)));
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
        if (!verdict.isIntact()) {
            return verdict;
        }
        long before = db.inTransaction("read the audit log", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT MIN(seq) FROM audit_events WHERE seq < 1");
                 ResultSet row = query.executeQuery()) {
                row.next();
                long seq = row.getLong(1);
                return row.wasNull() ? 1L : seq;
            }
        });
        if (before < 1) {
            return AuditVerification.broken(before, "it lies before the chain's first event (sequence " + before
                    + " < 1: it was inserted outside Rampart)", verdict.checked());
        }
        return beyondTheHead(verdict);
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

    /**
     * {@link #verify()} and then {@link #findings()}, as the engine and the screens see it: the first problem of
     * either.
     */
    @Override
    public AuditCheck check() {
        AuditVerification v = verify();
        if (!v.isIntact()) {
            return new AuditCheck(v.checked(), v.firstBadSeq().getAsLong(), v.problem());
        }
        List<TrustAudit.Finding> findings = TrustAudit.run(db, this);
        return findings.isEmpty() ? new AuditCheck(v.checked(), null, null)
                : new AuditCheck(v.checked(), findings.get(0).seq(), findings.get(0).problem()
                + (findings.size() > 1 ? " (and " + (findings.size() - 1) + " more; run 'rampart audit verify')" : ""));
    }

    /**
     * What the chain does not back: events that broke its rules, sign-offs that do not verify, and rows of people,
     * person_roles, person_keys, signatures, plans and rollouts that differ from the events that made them.
     */
    public List<String> findings() {
        return TrustAudit.run(db, this).stream().map(TrustAudit.Finding::problem).toList();
    }

    /** The chain head: the last event's sequence number (0 for none). */
    @Override
    public long headSeq() {
        return db.inTransaction("read the audit chain head", ChainHead::read).seq();
    }

    /** The hash of the event at {@code seq}, if the chain holds one there. */
    @Override
    public Optional<String> hashAt(long seq) {
        return db.inTransaction("read the audit log", c -> ChainedEvents.at(c, seq)).map(AuditEvent::hash);
    }
}
