package dev.rampart.domain.repo;

/** Somebody else changed the record between read and write; read it again and decide again. */
public final class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
