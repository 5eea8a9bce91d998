package dev.rampart.domain.access;

import java.security.PublicKey;
import java.util.Optional;

/**
 * The private signing keys this machine holds: a person's own, in their data folder, encrypted under their
 * passphrase (and, in a local demo workspace, the demo people's). The private half never leaves; callers get
 * signatures and public keys. Passphrases arrive as {@code char[]}; the caller clears them.
 */
public interface SigningKeys {

    /** A passphrase shorter than this is refused when a key is made or its passphrase changed. */
    int MIN_PASSPHRASE = 12;

    /** The public half of {@code person}'s key held here; empty when this machine holds none. */
    Optional<PublicKey> publicKey(String person);

    /**
     * {@code person}'s signature (base64) of {@code content}, with their key unlocked by {@code passphrase}.
     *
     * @throws KeyLockedException when the passphrase does not unlock it, or no key is held here
     */
    String sign(String person, char[] passphrase, String content);

    /**
     * A new key pair for {@code person}, its private half encrypted under {@code passphrase}; written only by
     * {@link NewKey#keep()}.
     *
     * @throws IllegalArgumentException when the passphrase is shorter than {@value #MIN_PASSPHRASE} characters
     */
    NewKey create(String person, char[] passphrase);

    /**
     * Re-encrypts {@code person}'s key here under {@code replacement}.
     *
     * @throws KeyLockedException       when {@code current} does not unlock it
     * @throws IllegalArgumentException when the replacement is too short
     */
    void changePassphrase(String person, char[] current, char[] replacement);

    /** A key pair made but not yet written. */
    interface NewKey {
        PublicKey publicKey();

        /** Signs with the new private key (the proof that enrols it). */
        String sign(String content);

        /** Writes it to the folder, replacing the person's previous key there. */
        void keep();
    }

    /** A machine that holds no keys (the agent, tests that sign nothing). */
    static SigningKeys none() {
        return new SigningKeys() {
            @Override
            public Optional<PublicKey> publicKey(String person) {
                return Optional.empty();
            }

            @Override
            public String sign(String person, char[] passphrase, String content) {
                throw new KeyLockedException(person + "'s signing key is not on this machine");
            }

            @Override
            public NewKey create(String person, char[] passphrase) {
                throw new IllegalStateException("This process keeps no signing keys");
            }

            @Override
            public void changePassphrase(String person, char[] current, char[] replacement) {
                throw new KeyLockedException(person + "'s signing key is not on this machine");
            }
        };
    }
}
