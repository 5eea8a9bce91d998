package dev.rampart.store;

/**
 * The store's server cannot be reached now (down, restarting, a cut network): worth trying again later, unlike a
 * wrong password or a missing schema. The agent waits these out.
 */
public final class StoreUnreachableException extends StoreUnavailableException {
    public StoreUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
