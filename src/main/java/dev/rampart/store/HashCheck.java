package dev.rampart.store;

import java.security.MessageDigest;
import java.util.List;

/** Whether each row of a batch carries the hash of its own content: the part of verifying that needs no order. */
final class HashCheck {
    private final List<StoredEvent> rows;

    HashCheck(List<StoredEvent> rows) {
        this.rows = rows;
    }

    boolean[] run() {
        MessageDigest digest = AuditChain.sha256Digest();
        StringBuilder scratch = new StringBuilder(512);
        boolean[] matches = new boolean[rows.size()];
        for (int i = 0; i < matches.length; i++) {
            StoredEvent row = rows.get(i);
            matches[i] = row.at() != null && row.data() != null
                    && AuditChain.hashOfRow(row, digest, scratch).equals(row.hash());
        }
        return matches;
    }
}
