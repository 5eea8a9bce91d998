package dev.rampart.spi;

import java.time.Instant;
import java.util.Map;

/**
 * Something people should hear about: a halt, a rollback, a completed rollout.
 *
 * @param event     the audit event type it comes from ({@code rollout.halted}, {@code rollout.rolled_back}, …)
 * @param severity  how loudly to say it
 * @param title     one line, fit for a chat message or a desktop notification
 * @param body      more detail; may be empty
 * @param rolloutId the rollout, or null for system-wide notices
 * @param at        when it happened
 * @param data      the event's data (rule, cohort, value, threshold, …)
 */
public record Notice(String event, Severity severity, String title, String body, Long rolloutId, Instant at,
                     Map<String, String> data) {

    public enum Severity { INFO, WARNING, CRITICAL }

    public Notice {
        data = data == null ? Map.of() : Map.copyOf(data);
        body = body == null ? "" : body;
    }
}
