package dev.rampart.domain.repo;

/**
 * A record the engine was about to trust no longer matches what the hash chain recorded for it (a plan edited after
 * its import, a row the chain never saw). Rampart refuses to act on it; {@code rampart audit verify} names it.
 */
public final class TamperedRecordException extends RuntimeException {
    public TamperedRecordException(String message) {
        super(message);
    }
}
