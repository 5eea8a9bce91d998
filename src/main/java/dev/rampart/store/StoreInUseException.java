package dev.rampart.store;

/** An embedded H2 store another process has open (its file lock); that process may offer a local channel. */
public final class StoreInUseException extends StoreUnavailableException {
    public StoreInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
