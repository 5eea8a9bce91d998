package dev.rampart.engine.access;

/**
 * Thrown by the service layer when a person may not do what they asked. The message is written for that person:
 * "ana holds observer; rolling back needs release_owner".
 */
public class NotPermittedException extends RuntimeException {
    private final String person;
    private final Permission permission;

    public NotPermittedException(String person, Permission permission, String message) {
        super(message);
        this.person = person;
        this.permission = permission;
    }

    /** Who was refused. */
    public String person() {
        return person;
    }

    /** What was refused; null when the refusal is about the item itself (four-eyes, a stale plan). */
    public Permission permission() {
        return permission;
    }
}
