package dev.rampart.keys;

import dev.rampart.domain.access.KeyLockedException;
import dev.rampart.domain.access.SigningKeys;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * The key folders of one machine, searched in order: the person's own (their data folder) first, then, in a local
 * demo workspace, the demo people's. New keys go to the first.
 */
public final class KeyRing implements SigningKeys {
    private final List<KeyFolder> folders;

    public KeyRing(List<KeyFolder> folders) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs a folder");
        }
        this.folders = List.copyOf(folders);
    }

    @Override
    public Optional<PublicKey> publicKey(String person) {
        return holder(person).flatMap(f -> f.publicKey(person));
    }

    @Override
    public String sign(String person, char[] passphrase, String content) {
        return holder(person).orElseThrow(() -> new KeyLockedException(person + "'s signing key is not on this"
                + " machine")).sign(person, passphrase, content);
    }

    @Override
    public NewKey create(String person, char[] passphrase) {
        return folders.get(0).create(person, passphrase);
    }

    @Override
    public void changePassphrase(String person, char[] current, char[] replacement) {
        holder(person).orElseThrow(() -> new KeyLockedException(person + "'s signing key is not on this machine"))
                .changePassphrase(person, current, replacement);
    }

    private Optional<KeyFolder> holder(String person) {
        return folders.stream().filter(f -> f.publicKey(person).isPresent()).findFirst();
    }
}
