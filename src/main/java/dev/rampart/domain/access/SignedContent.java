package dev.rampart.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a signature covers, hashed: the lowercase hex SHA-256 of the UTF-8 text
 * {@code rampart-signature/v1\n<plan sha256>\n<rollout id>\n<stage or "-">\n<role>\n<item>}. Anyone holding the
 * plan and the evidence pack can recompute it.
 */
public final class SignedContent {

    /** The item of a go/no-go decision: the gate of a stage (or, with no stage, of the rollout's start). */
    public static final String GO_NO_GO = "go/no-go";
    /** The item of an emergency action taken without the approvals it skipped ({@code promote --force}). */
    public static final String EMERGENCY_PROMOTE = "emergency promote";

    private SignedContent() {
    }

    public static String sha256(String planSha256, long rolloutId, String stage, Role role, String item) {
        String text = "rampart-signature/v1\n" + planSha256 + "\n" + rolloutId + "\n" + (stage == null ? "-" : stage)
                + "\n" + role.name() + "\n" + item;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
