package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;

/**
 * The last event a transaction of this thread appended, so that once it commits the store can tell who watches the
 * chain head (a witness) where the head now is. A transaction runs on one thread from begin to commit.
 */
final class Appended {
    private static final ThreadLocal<AuditEvent> LAST = new ThreadLocal<>();

    private Appended() {
    }

    static void note(AuditEvent event) {
        LAST.set(event);
    }

    /** The event noted since the last call, or null; clears it. */
    static AuditEvent take() {
        AuditEvent e = LAST.get();
        LAST.remove();
        return e;
    }
}
