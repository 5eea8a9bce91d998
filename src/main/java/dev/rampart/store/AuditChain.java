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
 * {@link CanonicalJson}). The first event's previous hash is {@link #GENESIS}. An event that records the database
 * login that appended it (a team store) has the login as a ninth element, so old events keep their hashes.
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
                event.data(), event.previousHash(), event.login());
    }

    public static String hash(long seq, Long rolloutId, Instant at, String type, String actor, String stage,
                              Map<String, String> data, String previousHash) {
        return hash(seq, rolloutId, at, type, actor, stage, data, previousHash, null);
    }

    /** @param login the database login that appends the event; null on a local store */
    public static String hash(long seq, Long rolloutId, Instant at, String type, String actor, String stage,
                              Map<String, String> data, String previousHash, String login) {
        String text = canonical(new StringBuilder(256), seq, rolloutId, at, type, actor, stage,
                CanonicalJson.object(data), previousHash, login).toString();
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The canonical text with the data given as its canonical JSON text, as the store writes it: verifying hashes
     * the stored text as it is, without parsing it (an edited text fails the hash either way).
     */
    static StringBuilder canonical(StringBuilder out, long seq, Long rolloutId, Instant at, String type, String actor,
                                   String stage, String dataJson, String previousHash, String login) {
        out.append('[').append(seq).append(',');
        out.append(rolloutId == null ? "null" : rolloutId.toString()).append(',');
        out.append('"');
        timestamp(out, at);
        out.append("\",");
        CanonicalJson.string(out, type);
        out.append(',');
        CanonicalJson.string(out, actor);
        out.append(',');
        CanonicalJson.string(out, stage);
        out.append(',');
        out.append(dataJson);
        out.append(',');
        CanonicalJson.string(out, previousHash);
        if (login != null) {
            out.append(',');
            CanonicalJson.string(out, login);
        }
        return out.append(']');
    }

    /** {@code at} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, written by hand: DateTimeFormatter is slow at a million. */
    static void timestamp(StringBuilder out, Instant at) {
        long seconds = at.getEpochSecond();
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds, at.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            out.append(AT.format(at));
            return;
        }
        pad(out, year, 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        pad(out, at.getNano() / 1_000_000, 3).append('Z');
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    /** The hash a stored row should carry, computed with {@code digest} (reused by the caller, one per thread). */
    static String hashOfRow(StoredEvent row, MessageDigest digest, StringBuilder scratch) {
        scratch.setLength(0);
        canonical(scratch, row.seq(), row.rolloutId(), row.at(), row.type(), row.actor(), row.stage(), row.data(),
                row.previousHash(), row.login());
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(scratch.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
