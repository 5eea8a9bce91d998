package dev.rampart.keys;

import dev.rampart.domain.access.Ed25519;
import dev.rampart.domain.access.KeyLockedException;
import dev.rampart.domain.access.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key files: Ed25519 from the JDK, the private half under PBKDF2 (210,000 iterations) and AES-GCM, 0600. */
class KeyFolderTest {
    @TempDir
    Path dir;

    @Test
    void aKeyIsMadeKeptAndUnlockedOnlyByItsPassphraseAtTheRealCost() throws Exception {
        KeyFolder folder = new KeyFolder(dir.resolve("keys"));
        SigningKeys.NewKey key = folder.create("ana", "ana's long passphrase".toCharArray());
        assertThat(folder.publicKey("ana")).as("written only when kept").isEmpty();
        key.keep();
        assertThat(folder.publicKey("ana")).contains(key.publicKey());
        String file = Files.readString(folder.file("ana"));
        assertThat(file).contains("\"iterations\" : 210000").contains("AES/GCM/NoPadding")
                .doesNotContain("PRIVATE").contains(Ed25519.keyId(key.publicKey()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.file("ana"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))))
                .isEqualTo("rwx------");

        String signature = folder.sign("ana", "ana's long passphrase".toCharArray(), "hello");
        assertThat(Ed25519.verifies(key.publicKey(), "hello", signature)).isTrue();
        assertThatThrownBy(() -> folder.sign("ana", "not her passphrase".toCharArray(), "hello"))
                .isInstanceOf(KeyLockedException.class).hasMessageContaining("does not unlock");
        assertThatThrownBy(() -> folder.sign("bo", "whatever-passphrase".toCharArray(), "hello"))
                .isInstanceOf(KeyLockedException.class).hasMessageContaining("not on this machine");
    }

    @Test
    void passphrasesShorterThanTwelveAreRefused() {
        KeyFolder folder = new KeyFolder(dir, 1);
        assertThatThrownBy(() -> folder.create("ana", "elevenchars".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12");
        folder.create("ana", "twelve-chars".toCharArray()).keep();
        assertThatThrownBy(() -> folder.changePassphrase("ana", "twelve-chars".toCharArray(),
                "short".toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyFileEditedToNameSomeoneElseDoesNotOpen() throws Exception {
        KeyFolder folder = new KeyFolder(dir, 1);
        folder.create("ana", "ana's long passphrase".toCharArray()).keep();
        Files.writeString(folder.file("bo"), Files.readString(folder.file("ana")).replace("\"ana\"", "\"bo\""));
        assertThatThrownBy(() -> folder.sign("bo", "ana's long passphrase".toCharArray(), "x"))
                .isInstanceOf(KeyLockedException.class);
    }

    @Test
    void theInstallationKeyIsMadeOnceAndKeptForItsOwnerAlone() throws Exception {
        DeviceKey first = DeviceKey.of(dir);
        DeviceKey again = DeviceKey.of(dir);
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DeviceKey.FILE))))
                .isEqualTo("rw-------");
        var signer = first.as("ana");
        assertThat(Ed25519.verifies(Ed25519.decode(signer.publicKey()), "x", again.as("ana").sign("x"))).isTrue();
    }
}
