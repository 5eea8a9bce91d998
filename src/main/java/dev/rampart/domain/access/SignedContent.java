package dev.rampart.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * What a sign-off covers. Since version 2 it is the canonical JSON array
 * {@code ["rampart-signoff/v2", store, rollout, plan sha256, stage or "-", role, item, comment, signer, key id, at]}
 * (strings escaped as RFC 8785 does, {@code at} as {@link Instant#toString()} at millisecond precision): the person's
 * Ed25519 key signs its UTF-8 bytes, and {@code signed_sha256} is their SHA-256. Anyone holding the evidence pack
 * can rebuild it. Version 1 (a hash without a key) is kept only to read old trails: it opens no gate.
 */
public final class SignedContent {

    /** The item of a go/no-go decision: the gate of a stage (or, with no stage, of the rollout's start). */
    public static final String GO_NO_GO = "go/no-go";
    /** The item of an emergency action taken without the approvals it skipped ({@code promote --force}). */
    public static final String EMERGENCY_PROMOTE = "emergency promote";

    private SignedContent() {
    }

    /** The text a person's key signs for a sign-off (version 2). */
    public static String text(String storeId, long rolloutId, String planSha256, String stage, Role role, String item,
                              String comment, String signer, String keyId, Instant at) {
        return CanonicalText.array("rampart-signoff/v2", storeId, Long.toString(rolloutId), planSha256,
                stage == null ? "-" : stage, role.name(), item, comment == null ? "" : comment, signer, keyId,
                at.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** The text a new key signs to prove its owner holds it when it is enrolled. */
    public static String enrolment(String storeId, String person, String keyId) {
        return CanonicalText.array("rampart-key/v1", storeId, person, keyId);
    }

    /** Version 1: SHA-256 of {@code rampart-signature/v1\n<plan sha256>\n<rollout id>\n<stage or "-">\n<role>\n<item>}. */
    public static String sha256(String planSha256, long rolloutId, String stage, Role role, String item) {
        return sha256("rampart-signature/v1\n" + planSha256 + "\n" + rolloutId + "\n" + (stage == null ? "-" : stage)
                + "\n" + role.name() + "\n" + item);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
