package dev.rampart.domain.rollout;

import java.time.Instant;
import java.util.Map;

/**
 * An adapter action the engine is about to take (or took), persisted before the call under its idempotency
 * {@code key} and finished with its outcome after it, so that a crash in between can be reconciled.
 * {@code action} is {@code apply}, {@code promote} or {@code rollback}; {@code payload} holds what it needs to be
 * checked against the adapter ({@code stage}, {@code weight.<cohort>}).
 */
public record Intent(long rolloutId, String key, String action, Map<String, String> payload, Instant createdAt,
                     IntentStatus status, String outcome, Instant finishedAt) {

    public Intent {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public static Intent pending(long rolloutId, String key, String action, Map<String, String> payload,
                                 Instant at) {
        return new Intent(rolloutId, key, action, payload, at, IntentStatus.PENDING, null, null);
    }

    public Intent finish(IntentStatus newStatus, String newOutcome, Instant at) {
        return new Intent(rolloutId, key, action, payload, createdAt, newStatus, newOutcome, at);
    }
}
