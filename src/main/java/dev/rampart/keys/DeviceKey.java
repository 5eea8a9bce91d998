package dev.rampart.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.domain.access.Ed25519;
import dev.rampart.domain.access.Signer;
import dev.rampart.store.OwnerOnly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The installation key of one data folder ({@code installation-key.json}, mode 0600): an Ed25519 key pair made on
 * first use and kept unencrypted, like an SSH host key, because it signs unattended: the checkpoints written to
 * witnesses at every event, and the evidence packs exported here. It signs statements of fact, never a sign-off
 * (those need the person's own key and passphrase).
 */
public final class DeviceKey {
    static final String FILE = "installation-key.json";
    private static final String FORMAT = "rampart-installation-key/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DeviceKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key of {@code dataFolder}, made there (0600) on first use. */
    public static synchronized DeviceKey of(Path dataFolder) {
        Path file = dataFolder.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                JsonNode node = JSON.readTree(file.toFile());
                PublicKey pub = Ed25519.decode(node.path("public_key").asText());
                PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getDecoder().decode(node.path("private_key").asText())));
                OwnerOnly.ownFile(file);
                return new DeviceKey(key, pub);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            ObjectNode node = JSON.createObjectNode();
            node.put("format", FORMAT);
            node.put("key_id", Ed25519.keyId(pair.getPublic()));
            node.put("public_key", Ed25519.encode(pair.getPublic()));
            node.put("private_key", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            OwnerOnly.createFolder(dataFolder);
            Path temp = OwnerOnly.newFile(dataFolder, FILE + ".tmp");
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return new DeviceKey(pair.getPrivate(), pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the installation key " + file + ": " + e.getMessage(),
                    e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The installation key " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return Ed25519.keyId(publicKey);
    }

    /** A signer naming {@code who} (the person or "agent" of this installation). */
    public Signer as(String who) {
        return new Signer() {
            @Override
            public String name() {
                return who;
            }

            @Override
            public String keyId() {
                return DeviceKey.this.keyId();
            }

            @Override
            public String publicKey() {
                return Ed25519.encode(publicKey);
            }

            @Override
            public String sign(String text) {
                return Ed25519.sign(privateKey, text);
            }
        };
    }
}
