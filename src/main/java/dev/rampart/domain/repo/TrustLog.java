package dev.rampart.domain.repo;

import dev.rampart.domain.access.TrustLedger;
import dev.rampart.domain.rollout.AuditEvent;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the audit trail that decides who may do what: events read straight from the chain, never from a
 * table the chain does not cover. Only events that lie within the chain (sequence 1 to the chain head) and carry
 * the hash of their own content are returned; anything else is for {@code audit verify} to name.
 */
public interface TrustLog {

    /** The store's identity, made once with its schema; what keys and sign-offs sign. */
    String storeId();

    /** A shared store (PostgreSQL), where each event records its login and demo workspaces never count. */
    boolean teamStore();

    /** Where the store lives, however its URL was spelled (witnesses and checkpoints name it so). */
    String location();

    /** The sequence number of the chain's last event (0: none). */
    long headSeq();

    /** The hash of the chain's event at {@code seq}, if it holds one there. */
    Optional<String> hashAt(long seq);

    /** The login this process appends as: the database's {@code session_user}; null on a local store. */
    String login();

    /** Events of these types, in sequence order. */
    List<AuditEvent> events(Set<String> types);

    /** A rollout's events of these types, in sequence order. */
    List<AuditEvent> events(long rolloutId, Set<String> types);

    /** The event that created a rollout (who started it, of which plan). */
    Optional<AuditEvent> firstEvent(long rolloutId);

    /** Who is who now, replayed from the chain. */
    default TrustLedger ledger() {
        return TrustLedger.of(storeId(), teamStore(), events(TrustLedger.TYPES));
    }
}
