package dev.rampart.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.domain.access.Ed25519;
import dev.rampart.domain.access.KeyLockedException;
import dev.rampart.domain.access.SigningKeys;
import dev.rampart.store.OwnerOnly;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Signing keys in a folder, one file per person ({@code <name>.key}, mode 0600 in a 0700 folder on POSIX): the
 * Ed25519 key pair from the JDK, its private half (PKCS#8) encrypted with AES-256-GCM under a key derived from the
 * person's passphrase by PBKDF2-HMAC-SHA-256 ({@value #ITERATIONS} iterations, OWASP's figure, with a random salt;
 * the file records its count, so it can be raised later). The GCM tag also covers the person, the key id and the
 * format, so a file edited to name another person or key does not open. No cryptography here is written by hand.
 */
public final class KeyFolder implements SigningKeys {
    public static final int ITERATIONS = 210_000;
    static final String FORMAT = "rampart-signing-key/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final int iterations;

    public KeyFolder(Path folder) {
        this(folder, ITERATIONS);
    }

    /** Fewer iterations are for tests only, where hundreds of keys would otherwise take minutes. */
    public KeyFolder(Path folder, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.folder = folder;
        this.iterations = iterations;
    }

    public Path folder() {
        return folder;
    }

    /** The file that holds {@code person}'s key here. */
    public Path file(String person) {
        return folder.resolve(fileName(person));
    }

    @Override
    public Optional<PublicKey> publicKey(String person) {
        return read(person).map(node -> Ed25519.decode(node.path("public_key").asText()));
    }

    @Override
    public String sign(String person, char[] passphrase, String content) {
        PrivateKey key = unlock(person, passphrase);
        return Ed25519.sign(key, content);
    }

    @Override
    public NewKey create(String person, char[] passphrase) {
        requireLength(passphrase);
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
        ObjectNode file = seal(person, pair.getPublic(), pair.getPrivate(), passphrase);
        return new NewKey() {
            @Override
            public PublicKey publicKey() {
                return pair.getPublic();
            }

            @Override
            public String sign(String content) {
                return Ed25519.sign(pair.getPrivate(), content);
            }

            @Override
            public void keep() {
                write(person, file);
            }
        };
    }

    @Override
    public void changePassphrase(String person, char[] current, char[] replacement) {
        requireLength(replacement);
        PrivateKey key = unlock(person, current);
        PublicKey pub = publicKey(person).orElseThrow();
        write(person, seal(person, pub, key, replacement));
    }

    private PrivateKey unlock(String person, char[] passphrase) {
        JsonNode node = read(person).orElseThrow(() -> new KeyLockedException(person
                + "'s signing key is not on this machine (only " + person + " signs as " + person
                + ", from their own data folder)"));
        try {
            byte[] salt = b64(node.path("kdf").path("salt").asText());
            int n = node.path("kdf").path("iterations").asInt();
            byte[] nonce = b64(node.path("cipher").path("nonce").asText());
            byte[] sealed = b64(node.path("private_key").asText());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] aesKey = derive(passphrase, salt, n);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, nonce));
            Arrays.fill(aesKey, (byte) 0);
            cipher.updateAAD(aad(person, node.path("key_id").asText()));
            byte[] pkcs8 = cipher.doFinal(sealed);
            try {
                PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                return key;
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new KeyLockedException("The passphrase given does not unlock " + person + "'s signing key");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyLockedException(person + "'s key file " + file(person) + " is damaged: " + e.getMessage());
        }
    }

    private ObjectNode seal(String person, PublicKey pub, PrivateKey key, char[] passphrase) {
        try {
            byte[] salt = new byte[16];
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(salt);
            RANDOM.nextBytes(nonce);
            String keyId = Ed25519.keyId(pub);
            byte[] aesKey = derive(passphrase, salt, iterations);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, nonce));
            Arrays.fill(aesKey, (byte) 0);
            cipher.updateAAD(aad(person, keyId));
            byte[] pkcs8 = key.getEncoded();
            byte[] sealed = cipher.doFinal(pkcs8);
            Arrays.fill(pkcs8, (byte) 0);
            ObjectNode file = JSON.createObjectNode();
            file.put("format", FORMAT);
            file.put("person", person);
            file.put("key_id", keyId);
            file.put("public_key", Ed25519.encode(pub));
            ObjectNode kdf = file.putObject("kdf");
            kdf.put("name", "PBKDF2WithHmacSHA256");
            kdf.put("iterations", iterations);
            kdf.put("salt", Base64.getEncoder().encodeToString(salt));
            ObjectNode c = file.putObject("cipher");
            c.put("name", "AES/GCM/NoPadding");
            c.put("nonce", Base64.getEncoder().encodeToString(nonce));
            file.put("private_key", Base64.getEncoder().encodeToString(sealed));
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has AES-GCM", e);
        }
    }

    private Optional<JsonNode> read(String person) {
        Path f = file(person);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(f.toFile());
            if (!FORMAT.equals(node.path("format").asText()) || !person.equals(node.path("person").asText())) {
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + f + ": " + e.getMessage(), e);
        }
    }

    private void write(String person, ObjectNode node) {
        try {
            OwnerOnly.createFolder(folder);
            Path target = file(person);
            Path temp = OwnerOnly.newFile(folder, fileName(person) + ".tmp");
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key file in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        if (passphrase == null) {
            throw new AEADBadTagException("no passphrase");
        }
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] aad(String person, String keyId) {
        return (FORMAT + "\n" + person + "\n" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static void requireLength(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new IllegalArgumentException("A passphrase needs at least " + MIN_PASSPHRASE + " characters");
        }
    }

    private static byte[] b64(String text) {
        return Base64.getDecoder().decode(text);
    }

    /** A name safe in every file system: simple names as they are, anything else by its hash. */
    static String fileName(String person) {
        if (person.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            return person + ".key";
        }
        return "person-" + dev.rampart.domain.access.SignedContent.sha256(person).substring(0, 32) + ".key";
    }
}
