package dev.rampart.domain.plan;

import java.util.List;

/**
 * Something a person signs ("backup snapshot tested") or a command that checks it ("CI green").
 * {@code command} is an argv list, never a shell line.
 */
public record ChecklistItem(String text, String role, List<String> command) {
    public ChecklistItem {
        command = Plan.copy(command);
    }

    public static ChecklistItem of(String text) {
        return new ChecklistItem(text, null, null);
    }
}
