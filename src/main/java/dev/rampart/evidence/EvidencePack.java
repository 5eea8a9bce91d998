package dev.rampart.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.domain.access.Signer;
import dev.rampart.domain.rollout.AuditEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The evidence pack of one rollout, a folder an auditor can keep: {@code report.html} (self-contained),
 * {@code evidence.json}, {@code chain.json} (the rollout's hashed events), {@code plan.json} (the plan exactly as
 * signed, unless secrets had to be redacted), {@code checkpoint.json} (the chain head at export, signed),
 * {@code manifest.sha256} and {@code signature.json} (the exporter's installation key over every file, the manifest
 * and every event). Secrets never enter it.
 */
public final class EvidencePack {
    public static final List<String> FILES = List.of("report.html", "evidence.json", "chain.json", "plan.json",
            "checkpoint.json");
    static final String CHECKPOINT = "checkpoint.json";

    /** What was written: the folder and the SHA-256 of its manifest (worth recording elsewhere). */
    public record Written(Path dir, String manifestSha256) {
    }

    private EvidencePack() {
    }

    /**
     * Writes the pack, signed by {@code signer} (the exporter's installation key).
     *
     * @throws IllegalArgumentException when {@code dir} exists and is not an empty folder
     */
    public static Written write(EvidenceInput in, Path dir, Signer signer) {
        java.util.Objects.requireNonNull(signer, "an evidence pack is always signed");
        try {
            prepare(dir);
            JsonNode plan = EvidenceJson.MAPPER.readTree(in.storedPlan().json());
            boolean redacted = Redaction.redact(plan);
            Files.writeString(dir.resolve("plan.json"), redacted ? EvidenceJson.write(plan) : in.storedPlan().json(),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("evidence.json"), EvidenceJson.write(EvidenceJson.evidence(in, plan,
                    redacted)), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("chain.json"), EvidenceJson.write(EvidenceJson.chain(in.events())),
                    StandardCharsets.UTF_8);
            String head = in.events().isEmpty() ? "(no events)" : in.events().get(in.events().size() - 1).hash();
            Files.writeString(dir.resolve("report.html"), ReportHtml.write(in, head), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(CHECKPOINT), EvidenceJson.write(in.checkpoint() == null
                    ? Map.of("format", dev.rampart.domain.access.Checkpoint.FORMAT)
                    : in.checkpoint().fields()), StandardCharsets.UTF_8);
            String manifestSha = Manifest.write(dir, FILES);
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : FILES) {
                files.put(name, Manifest.sha256(Files.readAllBytes(dir.resolve(name))));
            }
            List<PackSignature.Event> events = in.events().stream()
                    .map(e -> new PackSignature.Event(e.seq(), e.hash())).toList();
            PackSignature signed = PackSignature.sign(signer, manifestSha, files, events);
            Files.writeString(dir.resolve(PackSignature.FILE), EvidenceJson.write(signed.json()),
                    StandardCharsets.UTF_8);
            return new Written(dir, manifestSha);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the evidence pack to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks a pack against what its exporter signed: the signature of {@code signature.json}; every file against
     * the hash signed for it (one changed byte names its file, even with a manifest recomputed to match), none
     * missing or added; the manifest; every event of {@code chain.json} against the signed list (a deleted, added or
     * changed event is named) and against the hash it carries, recomputed by {@code eventHash}; the checkpoint's own
     * signature. A pack without {@code signature.json} proves nothing and is refused.
     */
    public static PackCheck verify(Path dir, Function<AuditEvent, String> eventHash) {
        try {
            Path sigFile = dir.resolve(PackSignature.FILE);
            if (!Files.isRegularFile(sigFile)) {
                Optional<PackCheck> files = Manifest.check(dir, Set.of());
                return files.orElse(PackCheck.broken(PackSignature.FILE, "the signature is missing: an unsigned pack"
                        + " proves nothing (its manifest can be recomputed by anyone)"));
            }
            PackSignature signed = PackSignature.read(EvidenceJson.MAPPER.readTree(sigFile.toFile()));
            if (!signed.verifies()) {
                return PackCheck.broken(PackSignature.FILE, "its signature does not verify against the key it names"
                        + " (the pack was re-signed or the signature edited)");
            }
            String by = signed.signer() + " with installation key " + signed.keyId();
            for (Map.Entry<String, String> f : signed.files().entrySet()) {
                Path file = dir.resolve(f.getKey());
                if (!f.getKey().matches("[A-Za-z0-9._-]+") || !Files.isRegularFile(file)) {
                    return PackCheck.broken(f.getKey(), "the file is missing (" + by + " signed it)");
                }
                if (!Manifest.sha256(Files.readAllBytes(file)).equals(f.getValue())) {
                    if (f.getKey().equals("chain.json")) {
                        Optional<PackCheck> event = changedEvent(file, signed, by);
                        if (event.isPresent()) {
                            return event.get();
                        }
                    }
                    return PackCheck.broken(f.getKey(), "the file was changed: it is not the one " + by + " signed");
                }
            }
            Optional<PackCheck> listed = Manifest.check(dir, Set.of(PackSignature.FILE));
            if (listed.isPresent()) {
                return listed.get();
            }
            if (!Manifest.sha256(Files.readAllBytes(dir.resolve(Manifest.FILE))).equals(signed.manifestSha256())) {
                return PackCheck.broken(Manifest.FILE, "it is not the manifest " + by + " signed (it was recomputed)");
            }
            JsonNode chain = EvidenceJson.MAPPER.readTree(dir.resolve("chain.json").toFile());
            List<AuditEvent> events = new java.util.ArrayList<>();
            for (JsonNode e : chain) {
                events.add(event(e));
            }
            Optional<PackCheck> eventsSigned = compare(signed.events(), events, by);
            if (eventsSigned.isPresent()) {
                return eventsSigned.get();
            }
            int i = 0;
            for (JsonNode e : chain) {
                AuditEvent event = events.get(i++);
                if (!e.path("redacted").asBoolean(false) && !eventHash.apply(event).equals(event.hash())) {
                    return PackCheck.broken("chain.json", "event " + event.seq() + " does not match its hash");
                }
            }
            JsonNode evidence = EvidenceJson.MAPPER.readTree(dir.resolve("evidence.json").toFile());
            if (!evidence.path("plan").path("redacted").asBoolean(true)) {
                String sha = Manifest.sha256(Files.readAllBytes(dir.resolve("plan.json")));
                if (!sha.equals(evidence.path("plan").path("sha256").asText())) {
                    return PackCheck.broken("plan.json", "it is not the plan whose SHA-256 the rollout recorded");
                }
            }
            JsonNode cp = EvidenceJson.MAPPER.readTree(dir.resolve(CHECKPOINT).toFile());
            if (cp.has("signature")) {
                Map<String, Object> fields = EvidenceJson.MAPPER.convertValue(cp,
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
                if (!dev.rampart.domain.access.Checkpoint.from(fields).verifies()) {
                    return PackCheck.broken(CHECKPOINT, "the checkpoint's own signature does not verify");
                }
            }
            return new PackCheck(true, null, null, signed.files().size(), by);
        } catch (IOException | RuntimeException e) {
            return PackCheck.broken(dir.toString(), "the pack cannot be read: " + e.getMessage());
        }
    }

    /** Which event of a changed chain.json differs from the signed list, if its events can still be read. */
    private static Optional<PackCheck> changedEvent(Path chainFile, PackSignature signed, String by) {
        try {
            List<AuditEvent> events = new java.util.ArrayList<>();
            for (JsonNode e : EvidenceJson.MAPPER.readTree(chainFile.toFile())) {
                events.add(event(e));
            }
            return compare(signed.events(), events, by);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The first event of the signed list that chain.json lacks, adds or holds differently. */
    private static Optional<PackCheck> compare(List<PackSignature.Event> signed, List<AuditEvent> events, String by) {
        int n = Math.max(signed.size(), events.size());
        for (int i = 0; i < n; i++) {
            PackSignature.Event want = i < signed.size() ? signed.get(i) : null;
            AuditEvent got = i < events.size() ? events.get(i) : null;
            if (want != null && (got == null || got.seq() > want.seq())) {
                return Optional.of(PackCheck.broken("chain.json", "event " + want.seq() + " is missing (" + by
                        + " signed it)"));
            }
            if (want == null || got.seq() < want.seq()) {
                return Optional.of(PackCheck.broken("chain.json", "event " + got.seq() + " was added (" + by
                        + " did not sign it)"));
            }
            if (!want.hash().equals(got.hash())) {
                return Optional.of(PackCheck.broken("chain.json", "event " + got.seq() + " is not the one " + by
                        + " signed"));
            }
        }
        return Optional.empty();
    }

    private static AuditEvent event(JsonNode e) {
        Map<String, String> data = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.path("data").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            data.put(f.getKey(), f.getValue().asText());
        }
        return new AuditEvent(e.path("seq").asLong(), e.path("rollout_id").isNull() ? null : e.path("rollout_id").asLong(),
                Instant.parse(e.path("at").asText()), text(e, "type"), text(e, "actor"), text(e, "stage"), data,
                text(e, "previous_hash"), text(e, "hash"), text(e, "login"));
    }

    private static String text(JsonNode e, String field) {
        JsonNode n = e.path(field);
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static void prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(dir + " is a file, not a folder");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty; give a new or empty folder");
                }
            }
        }
        Files.createDirectories(dir);
    }
}
