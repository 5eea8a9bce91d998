package dev.rampart.domain.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement of where a store's hash chain stood: "store {@code storeId} (at {@code location}) had event
 * {@code seq} with hash {@code hash} as its newest, seen by {@code signer} at {@code at}", signed with the signer's
 * installation key. Kept outside the store (a witness, an evidence pack), it lets {@code audit verify} tell a chain
 * that was truncated, rewound, rewritten or wiped from one that merely went on.
 */
public record Checkpoint(String storeId, String location, long seq, String hash, Instant at, String signer,
                         String keyId, String publicKey, String signature) {

    public static final String FORMAT = "rampart-checkpoint/v1";

    /** The text the signer's key signs. */
    public static String text(String storeId, String location, long seq, String hash, Instant at, String signer,
                              String keyId) {
        return CanonicalText.array(FORMAT, storeId, location, Long.toString(seq), hash,
                at.truncatedTo(ChronoUnit.MILLIS).toString(), signer, keyId);
    }

    /** Makes and signs a checkpoint. */
    public static Checkpoint of(String storeId, String location, long seq, String hash, Instant at, Signer signer) {
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        String text = text(storeId, location, seq, hash, when, signer.name(), signer.keyId());
        return new Checkpoint(storeId, location, seq, hash, when, signer.name(), signer.keyId(), signer.publicKey(),
                signer.sign(text));
    }

    /** True when the signature is the named key's signature of this content and the key is the one named. */
    public boolean verifies() {
        try {
            java.security.PublicKey key = Ed25519.decode(publicKey);
            return Ed25519.keyId(key).equals(keyId)
                    && Ed25519.verifies(key, text(storeId, location, seq, hash, at, signer, keyId), signature);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** As JSON fields (all strings but seq), for witnesses and evidence packs. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("store_id", storeId);
        m.put("location", location);
        m.put("seq", seq);
        m.put("hash", hash);
        m.put("at", at.toString());
        m.put("signer", signer);
        m.put("key_id", keyId);
        m.put("public_key", publicKey);
        m.put("signature", signature);
        return m;
    }

    /** @throws IllegalArgumentException when a field is missing or malformed */
    public static Checkpoint from(Map<String, ?> m) {
        try {
            return new Checkpoint(str(m, "store_id"), str(m, "location"), Long.parseLong(str(m, "seq")),
                    str(m, "hash"), Instant.parse(str(m, "at")), str(m, "signer"), str(m, "key_id"),
                    str(m, "public_key"), str(m, "signature"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a checkpoint: " + e.getMessage(), e);
        }
    }

    private static String str(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return v.toString();
    }
}
