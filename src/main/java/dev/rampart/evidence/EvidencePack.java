package dev.rampart.evidence;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The evidence pack of one rollout, a folder an auditor can keep: {@code report.html} (self-contained),
 * {@code evidence.json}, {@code chain.json} (the rollout's hashed events), {@code plan.json} (the plan exactly as
 * signed, unless secrets had to be redacted) and {@code manifest.sha256}. Secrets never enter it.
 */
public final class EvidencePack {
    public static final List<String> FILES = List.of("report.html", "evidence.json", "chain.json", "plan.json");

    /** What was written: the folder and the SHA-256 of its manifest (worth recording elsewhere). */
    public record Written(Path dir, String manifestSha256) {
    }

    private EvidencePack() {
    }

    /** @throws IllegalArgumentException when {@code dir} exists and is not an empty folder */
    public static Written write(EvidenceInput in, Path dir) {
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
            return new Written(dir, Manifest.write(dir, FILES));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the evidence pack to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks a pack: every file against the manifest (one changed byte names its file), no file missing or added,
     * and every event of {@code chain.json} against the hash it carries, recomputed by {@code eventHash}.
     */
    public static PackCheck verify(Path dir, Function<AuditEvent, String> eventHash) {
        try {
            Optional<PackCheck> files = Manifest.check(dir);
            if (files.isPresent()) {
                return files.get();
            }
            JsonNode chain = EvidenceJson.MAPPER.readTree(dir.resolve("chain.json").toFile());
            for (JsonNode e : chain) {
                if (e.path("redacted").asBoolean(false)) {
                    continue;
                }
                AuditEvent event = event(e);
                if (!eventHash.apply(event).equals(event.hash())) {
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
            return new PackCheck(true, null, null, FILES.size());
        } catch (IOException | RuntimeException e) {
            return PackCheck.broken(dir.toString(), "the pack cannot be read: " + e.getMessage());
        }
    }

    private static AuditEvent event(JsonNode e) {
        Map<String, String> data = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.path("data").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            data.put(f.getKey(), f.getValue().asText());
        }
        return new AuditEvent(e.path("seq").asLong(), e.path("rollout_id").isNull() ? null : e.path("rollout_id").asLong(),
                Instant.parse(e.path("at").asText()), text(e, "type"), text(e, "actor"), text(e, "stage"), data,
                text(e, "previous_hash"), text(e, "hash"));
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
