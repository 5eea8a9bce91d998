package dev.rampart.store;


import java.util.Optional;

/**
 * Walks the chain in sequence order: each event must have the next seq, name its predecessor's hash and carry
 * the hash of its own content; at the end, the last event must be the one the chain head names, so deleting
 * events from the end is caught too. Feed rows with {@link #accept}, then call {@link #finish}.
 */
final class AuditVerifier {

    private long expectedSeq = 1;
    private String previousHash = AuditChain.GENESIS;
    private long firstLoginSeq;

    /**
     * Checks a batch of rows in sequence order, {@code hashMatches[i]} telling whether row i carries the hash of its
     * own content (see {@link HashCheck}); returns the verdict as soon as the chain is broken.
     */
    Optional<AuditVerification> accept(java.util.List<StoredEvent> rows, boolean[] hashMatches) {
        for (int i = 0; i < rows.size(); i++) {
            Optional<AuditVerification> broken = accept(rows.get(i), hashMatches[i]);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    private Optional<AuditVerification> accept(StoredEvent row, boolean hashMatches) {
        if (row.seq() != expectedSeq) {
            return broken(expectedSeq, "event " + expectedSeq + " is missing (the next event is " + row.seq() + ")");
        }
        if (!previousHash.equals(row.previousHash())) {
            return broken(row.seq(), "it does not name the hash of event " + (row.seq() - 1) + " as its predecessor");
        }
        if (!hashMatches) {
            try {
                row.toEvent();
            } catch (IllegalArgumentException e) {
                return broken(row.seq(), e.getMessage());
            }
            return broken(row.seq(), "its content does not match its hash (it was edited)");
        }
        if (row.login() != null && firstLoginSeq == 0) {
            firstLoginSeq = row.seq();
        } else if (row.login() == null && firstLoginSeq > 0) {
            return broken(row.seq(), "it records no login although every event since " + firstLoginSeq
                    + " does (it was appended with the database's login trigger disabled)");
        }
        previousHash = row.hash();
        expectedSeq++;
        return Optional.empty();
    }

    /** The verdict once every row up to the chain head has been accepted. */
    AuditVerification finish(long headSeq, String headHash) {
        long last = expectedSeq - 1;
        if (last < headSeq) {
            return AuditVerification.broken(expectedSeq, "events " + expectedSeq + " to " + headSeq
                    + " are missing (the log ends at " + last + ")", last);
        }
        if (!previousHash.equals(headHash)) {
            return AuditVerification.broken(last, "the last event is not the one the chain head recorded", last - 1);
        }
        return AuditVerification.intact(last);
    }

    private Optional<AuditVerification> broken(long seq, String problem) {
        return Optional.of(AuditVerification.broken(seq, problem, expectedSeq - 1));
    }
}
