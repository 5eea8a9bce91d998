package dev.rampart.engine.access;

import java.time.Instant;

/**
 * An emergency action taken without the approvals it skipped (an event whose data says {@code review=required}),
 * awaiting review by someone other than who took it. It stays on the Audit screen until reviewed.
 *
 * @param seq    the audit event that took the action
 * @param reason what the actor gave as the reason
 */
public record ReviewFlag(long seq, Long rolloutId, String type, String actor, Instant at, String stage,
                         String reason) {
}
