package dev.rampart.adapters.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The webhook signature: {@code X-Rampart-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with the
 * Unix time in {@code X-Rampart-Timestamp}, so a receiver can check both who sent it and that it is fresh.
 */
public final class Signature {
    public static final String HEADER = "X-Rampart-Signature";
    public static final String TIMESTAMP_HEADER = "X-Rampart-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private Signature() {
    }

    public static String sign(String key, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String key, String timestamp, byte[] body, String header) {
        if (header == null || timestamp == null) {
            return false;
        }
        try {
            byte[] expected = sign(key, Long.parseLong(timestamp), body).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
