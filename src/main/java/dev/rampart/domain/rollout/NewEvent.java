package dev.rampart.domain.rollout;

import java.time.Instant;
import java.util.Map;

/** An event about to be appended; the store gives it its sequence number and hashes. */
public record NewEvent(Long rolloutId, Instant at, String type, String actor, String stage,
                       Map<String, String> data) {
    public NewEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
