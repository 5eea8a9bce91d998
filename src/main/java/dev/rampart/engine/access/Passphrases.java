package dev.rampart.engine.access;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Passphrase hashes: PBKDF2 with HMAC-SHA-256, a random 16-byte salt per person and {@value #ITERATIONS}
 * iterations (OWASP's 2023 figure), stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} in base64. A hash
 * carries its own iteration count, so raising it later leaves old hashes verifiable. The caller's {@code char[]} is
 * cleared by the caller; the key spec's copy is cleared here.
 */
public final class Passphrases {

    public static final int ITERATIONS = 210_000;
    /** A passphrase shorter than this is refused when set (the demo's "demo" is set by the store's first start). */
    public static final int MIN_LENGTH = 4;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public Passphrases() {
        this(ITERATIONS);
    }

    /** Fewer iterations are for tests only, where hundreds of hashes would otherwise take minutes. */
    public Passphrases(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    /** A new salted hash of {@code passphrase}. */
    public String hash(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_LENGTH) {
            throw new IllegalArgumentException("A passphrase needs at least " + MIN_LENGTH + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(passphrase, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True when {@code passphrase} is the one {@code stored} was made from; compares in constant time. */
    public boolean matches(char[] passphrase, String stored) {
        if (passphrase == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(passphrase, salt, n);
            boolean same = MessageDigest.isEqual(expected, actual);
            Arrays.fill(actual, (byte) 0);
            return same;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
