package dev.rampart.engine.access;

import dev.rampart.domain.access.SigningKeys;

/**
 * @deprecated The store keeps no passphrase hashes any more: a passphrase protects its person's private signing key
 * in their own data folder (see {@code dev.rampart.keys.KeyFolder}). Kept so that older test rigs compile.
 */
@Deprecated
public final class Passphrases {
    public static final int ITERATIONS = 210_000;
    /** A passphrase shorter than this is refused when set. */
    public static final int MIN_LENGTH = SigningKeys.MIN_PASSPHRASE;

    private final int iterations;

    public Passphrases() {
        this(ITERATIONS);
    }

    public Passphrases(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }
}
