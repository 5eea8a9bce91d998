package dev.rampart.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.domain.access.CanonicalText;
import dev.rampart.domain.access.Ed25519;
import dev.rampart.domain.access.Signer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code signature.json}: the exporter's installation key signs the SHA-256 of every file of the pack, the manifest,
 * and the sequence number and hash of every event of {@code chain.json}. Recomputing the manifest after changing a
 * file no longer helps: the file differs from what was signed, and is named; an event deleted from
 * {@code chain.json} is named by its number.
 */
record PackSignature(String signer, String keyId, String publicKey, String manifestSha256, Map<String, String> files,
                     List<Event> events, String signature) {
    static final String FILE = "signature.json";
    static final String FORMAT = "rampart-evidence-signature/v1";

    /** An event as the exporter signed it. */
    record Event(long seq, String hash) {
    }

    static PackSignature sign(Signer signer, String manifestSha256, Map<String, String> files, List<Event> events) {
        String text = text(signer.name(), signer.keyId(), manifestSha256, files, events);
        return new PackSignature(signer.name(), signer.keyId(), signer.publicKey(), manifestSha256, files, events,
                signer.sign(text));
    }

    /** True when the signature is the named key's over these contents. */
    boolean verifies() {
        try {
            var key = Ed25519.decode(publicKey);
            return Ed25519.keyId(key).equals(keyId)
                    && Ed25519.verifies(key, text(signer, keyId, manifestSha256, files, events), signature);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static String text(String signer, String keyId, String manifestSha256, Map<String, String> files,
                               List<Event> events) {
        List<String> parts = new ArrayList<>(List.of(FORMAT, signer, keyId, manifestSha256));
        new java.util.TreeMap<>(files).forEach((name, sha) -> parts.add("file:" + name + ":" + sha));
        events.forEach(e -> parts.add("event:" + e.seq() + ":" + e.hash()));
        return CanonicalText.array(parts.toArray(String[]::new));
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("signer", signer);
        m.put("key_id", keyId);
        m.put("public_key", publicKey);
        m.put("manifest_sha256", manifestSha256);
        m.put("files", files);
        m.put("events", events.stream().map(e -> List.of(e.seq(), e.hash())).toList());
        m.put("signature", signature);
        return m;
    }

    /** @throws IllegalArgumentException when it is not a signature file */
    static PackSignature read(JsonNode n) {
        if (!FORMAT.equals(n.path("format").asText())) {
            throw new IllegalArgumentException("it is not a " + FORMAT + " file");
        }
        Map<String, String> files = new LinkedHashMap<>();
        n.path("files").fields().forEachRemaining(f -> files.put(f.getKey(), f.getValue().asText()));
        List<Event> events = new ArrayList<>();
        for (JsonNode e : n.path("events")) {
            events.add(new Event(e.path(0).asLong(), e.path(1).asText()));
        }
        return new PackSignature(n.path("signer").asText(), n.path("key_id").asText(), n.path("public_key").asText(),
                n.path("manifest_sha256").asText(), files, events, n.path("signature").asText());
    }
}
