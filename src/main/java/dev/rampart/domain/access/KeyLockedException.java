package dev.rampart.domain.access;

/** A signing key could not be used: the passphrase does not unlock it, or this machine does not hold it. */
public final class KeyLockedException extends RuntimeException {
    public KeyLockedException(String message) {
        super(message);
    }
}
