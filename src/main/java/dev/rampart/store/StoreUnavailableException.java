package dev.rampart.store;

/**
 * The store cannot be opened: it is in use by another Rampart process, the server cannot be reached, the file
 * is damaged. The message is meant to be shown as it is; the cause keeps the technical detail.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message, null);
    }
}
