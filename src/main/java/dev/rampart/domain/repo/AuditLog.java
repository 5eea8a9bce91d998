package dev.rampart.domain.repo;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.util.List;

/** The append-only, hash-chained audit trail. */
public interface AuditLog {
    AuditEvent append(NewEvent event);

    /** Events in sequence order, at most {@code limit}, after sequence number {@code afterSeq}. */
    List<AuditEvent> read(long afterSeq, int limit);

    long count();
}
