package dev.rampart.domain.access;

/**
 * A person's public signing key as the chain enrolled it: valid for events after {@code enrolledSeq} and before
 * {@code retiredSeq} (null while in use). {@code demo} keys belong to the demo workspace of a local store; their
 * private halves lie beside the demo store with a published passphrase, so they open gates only there.
 *
 * @param retiredHow "replaced by SHA256:…" or "revoked by NAME: reason"; null while in use
 */
public record EnrolledKey(String keyId, String person, String publicKey, boolean demo, long enrolledSeq,
                          Long retiredSeq, String retiredHow) {

    /** True when an event at {@code seq} may be signed with this key. */
    public boolean validAt(long seq) {
        return enrolledSeq < seq && (retiredSeq == null || seq < retiredSeq);
    }

    public boolean inUse() {
        return retiredSeq == null;
    }

    EnrolledKey retired(long seq, String how) {
        return new EnrolledKey(keyId, person, publicKey, demo, enrolledSeq, seq, how);
    }
}
