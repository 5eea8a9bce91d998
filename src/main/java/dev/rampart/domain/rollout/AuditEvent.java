package dev.rampart.domain.rollout;

import java.time.Instant;
import java.util.Map;

/**
 * One appended, never changed entry of the audit trail. {@code hash} is SHA-256 over this event's
 * content and {@code previousHash}, so editing, deleting, inserting or reordering events breaks the chain.
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
        String hash) {

    public AuditEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
