package dev.rampart.store;

import java.util.OptionalLong;

/**
 * The outcome of checking the audit chain: intact, or the first sequence number at which it is broken and why.
 * {@code checked} counts the events that verified before the break (all of them when intact).
 */
public record AuditVerification(long checked, OptionalLong firstBadSeq, String problem) {

    public static AuditVerification intact(long checked) {
        return new AuditVerification(checked, OptionalLong.empty(), null);
    }

    public static AuditVerification broken(long seq, String problem, long checked) {
        return new AuditVerification(checked, OptionalLong.of(seq), problem);
    }

    public boolean isIntact() {
        return firstBadSeq.isEmpty();
    }

    @Override
    public String toString() {
        return isIntact()
                ? "Audit log intact: " + checked + " events verified"
                : "Audit log broken at event " + firstBadSeq.getAsLong() + ": " + problem;
    }
}
