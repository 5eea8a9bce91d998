package dev.rampart.store;

/** The store could not do what was asked (a disk error, a lost connection); the message says what, for a person. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
