package dev.rampart.witness;

import dev.rampart.domain.access.SignedContent;

/** A file name for a store's location: the start of its SHA-256, the same on every machine. */
final class Names {
    private Names() {
    }

    static String of(String location) {
        return SignedContent.sha256(location).substring(0, 32);
    }
}
