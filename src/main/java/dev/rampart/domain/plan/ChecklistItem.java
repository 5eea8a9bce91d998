package dev.rampart.domain.plan;

import java.time.Duration;
import java.util.List;

/**
 * Something a person signs ("backup snapshot tested") or a command that checks it ("CI green").
 * {@code command} is an argv list, never a shell line; it runs with {@code timeout} (default
 * {@link #DEFAULT_TIMEOUT}) and its exit status decides.
 */
public record ChecklistItem(String text, String role, List<String> command, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public ChecklistItem {
        command = Plan.copy(command);
    }

    public ChecklistItem(String text, String role, List<String> command) {
        this(text, role, command, null);
    }

    public static ChecklistItem of(String text) {
        return new ChecklistItem(text, null, null);
    }

    /** Whether a command decides this item (otherwise a person's sign-off does). */
    public boolean checkedByCommand() {
        return !command.isEmpty();
    }

    public Duration timeoutOrDefault() {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
