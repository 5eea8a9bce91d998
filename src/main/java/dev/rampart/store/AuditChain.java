package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

/**
 * How an audit event is hashed. The hash is the lowercase hex SHA-256 of the UTF-8 bytes of the canonical JSON
 * array {@code [seq, rolloutId, at, type, actor, stage, {data}, previousHash]}: numbers plain, a missing value
 * {@code null}, {@code at} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, data with sorted keys (see
 * {@link CanonicalJson}). The first event's previous hash is {@link #GENESIS}.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** The hash {@code event} should carry, recomputed from its content. */
    public static String hashOf(AuditEvent event) {
        return hash(event.seq(), event.rolloutId(), event.at(), event.type(), event.actor(), event.stage(),
                event.data(), event.previousHash());
    }

    public static String hash(long seq, Long rolloutId, Instant at, String type, String actor, String stage,
                              Map<String, String> data, String previousHash) {
        String text = canonical(seq, rolloutId, at, type, actor, stage, data, previousHash);
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String canonical(long seq, Long rolloutId, Instant at, String type, String actor, String stage,
                            Map<String, String> data, String previousHash) {
        StringBuilder out = new StringBuilder(256);
        out.append('[').append(seq).append(',');
        out.append(rolloutId == null ? "null" : rolloutId.toString()).append(',');
        CanonicalJson.string(out, AT.format(at));
        out.append(',');
        CanonicalJson.string(out, type);
        out.append(',');
        CanonicalJson.string(out, actor);
        out.append(',');
        CanonicalJson.string(out, stage);
        out.append(',');
        CanonicalJson.object(out, data);
        out.append(',');
        CanonicalJson.string(out, previousHash);
        return out.append(']').toString();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
