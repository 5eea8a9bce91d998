package dev.rampart.domain.repo;

import dev.rampart.domain.access.AuditCheck;

/**
 * Checks the audit trail's hash chain end to end: what the Audit screen's integrity indicator and
 * {@code rampart audit verify} show. Names the first edited, deleted, inserted or reordered event.
 */
public interface AuditIntegrity {
    AuditCheck check();
}
