package dev.rampart.domain.access;

/**
 * Signs on behalf of one installation of Rampart (a person's machine, an agent's server) with its Ed25519 key,
 * without a passphrase, so that checkpoints can be written at every event and evidence packs signed as they are
 * exported. It signs statements of fact (where a chain stood, which files a pack holds), never a sign-off.
 */
public interface Signer {
    /** Who signs: the person (or "agent") on whose installation the key lives. */
    String name();

    String keyId();

    /** The public key, base64 of its X.509 encoding. */
    String publicKey();

    /** The base64 Ed25519 signature of {@code text}'s UTF-8 bytes. */
    String sign(String text);
}
