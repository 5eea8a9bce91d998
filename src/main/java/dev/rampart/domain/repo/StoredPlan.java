package dev.rampart.domain.repo;

import java.time.Instant;

/**
 * A plan as kept in the store: its canonical JSON in Rampart's own format, the SHA-256 of that text
 * (what signatures refer to), and a few columns for listing without parsing.
 */
public record StoredPlan(long id, String changeId, String service, String version, String owner,
                         String json, String sha256, String source, Instant importedAt) {
}
