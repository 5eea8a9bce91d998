package dev.rampart.domain.rollout;

import java.time.Instant;
import java.util.Map;

/**
 * One appended, never changed entry of the audit trail. {@code hash} is SHA-256 over this event's
 * content and {@code previousHash}, so editing, deleting, inserting or reordering events breaks the chain.
 * {@code login} is the database login that appended it on a team store (PostgreSQL records {@code session_user}
 * and refuses any other value); null on a local H2 store, where the person is the operating-system user.
 */
public record AuditEvent(
        long seq,
        Long rolloutId,
        Instant at,
        String type,
        String actor,
        String stage,
        Map<String, String> data,
        String previousHash,
        String hash,
        String login) {

    public AuditEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** An event appended without a recorded login (a local store). */
    public AuditEvent(long seq, Long rolloutId, Instant at, String type, String actor, String stage,
                      Map<String, String> data, String previousHash, String hash) {
        this(seq, rolloutId, at, type, actor, stage, data, previousHash, hash, null);
    }
}
