package dev.rampart.domain.access;

/**
 * The verdict on the audit trail's hash chain, for screens and commands that must not know the store: intact
 * ({@code firstBadSeq} null) or broken at {@code firstBadSeq} for {@code problem}. {@code checked} counts the
 * events verified before the break (all of them when intact).
 */
public record AuditCheck(long checked, Long firstBadSeq, String problem) {

    public boolean intact() {
        return firstBadSeq == null;
    }

    /** One line for a status bar or a terminal. */
    public String summary() {
        return intact() ? "Audit trail intact: " + checked + " events verified"
                : "Audit trail broken at event " + firstBadSeq + ": " + problem;
    }
}
