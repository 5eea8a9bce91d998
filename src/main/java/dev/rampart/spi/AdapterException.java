package dev.rampart.spi;

/**
 * An adapter could not do what it was asked, or cannot say whether it did. Thrown by every SPI method that talks
 * to the outside world. Rampart records it against the action's intent, counts it for the circuit breaker and, on
 * restart, asks {@link DeploymentAdapter#currentWeights()} what actually happened, so an adapter should throw rather
 * than guess. Timeouts are adapter errors too.
 */
public class AdapterException extends Exception {
    private final boolean retryable;

    public AdapterException(String message) {
        this(message, null, true);
    }

    public AdapterException(String message, Throwable cause) {
        this(message, cause, true);
    }

    /** @param retryable false when repeating the same call cannot succeed (bad configuration, refused credentials) */
    public AdapterException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether the same call, with the same idempotency key, may succeed if tried again. */
    public boolean retryable() {
        return retryable;
    }
}
