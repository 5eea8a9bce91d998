package dev.rampart.engine.access;

/** A signature or an emergency action was refused because the passphrase given was not the signer's. */
public final class WrongPassphraseException extends NotPermittedException {
    public WrongPassphraseException(String person, Permission permission) {
        super(person, permission, "The passphrase given is not " + person + "'s; nothing was signed");
    }
}
