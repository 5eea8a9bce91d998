package dev.rampart.engine.access;

import dev.rampart.domain.access.Ed25519;
import dev.rampart.domain.access.Signer;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** Signers that need no file. */
public final class Signers {
    private Signers() {
    }

    /** A key made now and forgotten with the process: for tests and previews, whose packs no one keeps. */
    public static Signer ephemeral(String name) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
        return new Signer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String keyId() {
                return Ed25519.keyId(pair.getPublic());
            }

            @Override
            public String publicKey() {
                return Ed25519.encode(pair.getPublic());
            }

            @Override
            public String sign(String text) {
                return Ed25519.sign(pair.getPrivate(), text);
            }
        };
    }
}
