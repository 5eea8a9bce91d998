package dev.rampart.domain.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's signature on one item of a rollout: a checklist item, a go/no-go decision or an emergency action.
 * {@code planSha256} is the SHA-256 of the plan version that was signed; {@code signedSha256} is the SHA-256 of
 * exactly what was signed (see {@link SignedContent}); {@code keyId} names the Ed25519 key that made
 * {@code signature}, base64 (both null on trails written before signing keys). {@code auditSeq} is the audit event
 * that recorded it.
 *
 * @param stage the stage the item belongs to; null for the rollout as a whole (preconditions, the start gate)
 */
public record Signature(long id, long rolloutId, String stage, String item, Role role, String signer, Instant at,
                        String comment, String planSha256, String signedSha256, long auditSeq, String keyId,
                        String signature) {

    public Signature {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(planSha256, "planSha256");
        Objects.requireNonNull(signedSha256, "signedSha256");
    }

    /** A signature without a key (trails written before signing keys; such a signature opens no gate). */
    public Signature(long id, long rolloutId, String stage, String item, Role role, String signer, Instant at,
                     String comment, String planSha256, String signedSha256, long auditSeq) {
        this(id, rolloutId, stage, item, role, signer, at, comment, planSha256, signedSha256, auditSeq, null, null);
    }

    /** True when the plan has changed since this was signed: the signature no longer counts and is shown stale. */
    public boolean stale(String currentPlanSha256) {
        return !planSha256.equals(currentPlanSha256);
    }

    /** A go/no-go decision (a gate) rather than a checklist item. */
    public boolean isGate() {
        return SignedContent.GO_NO_GO.equals(item);
    }

    public Signature withIds(long newId, long newAuditSeq) {
        return new Signature(newId, rolloutId, stage, item, role, signer, at, comment, planSha256, signedSha256,
                newAuditSeq, keyId, signature);
    }
}
