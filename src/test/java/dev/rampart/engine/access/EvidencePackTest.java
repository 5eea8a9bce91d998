package dev.rampart.engine.access;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.Deployment;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.RolloutService;
import dev.rampart.evidence.EvidencePack;
import dev.rampart.evidence.PackCheck;
import dev.rampart.store.AuditChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rollout signed, halted by an error spike and rolled back on a real store; its pack written and checked. */
class EvidencePackTest {
    static final String PLAN = """
            {"schema": "rampart/plan/v1", "change_id": "REL-2026-12-01-01", "service": "checkout",
             "version": "2.1.0", "previous_version": "2.0.4",
             "stages": [
               {"name": "canary", "traffic_percent": 5, "min_duration": "PT30M", "approvals": ["sre"],
                "decision": {"after": "PT20M", "roles": ["product", "sre"]}},
               {"name": "beta", "traffic_percent": 25, "min_duration": "PT2H"},
               {"name": "ga", "traffic_percent": 100}],
             "halt_rules": ["error_rate > 1% for 5m", "latency_p99 > 5x baseline for 10m -> alert"],
             "approvals": {"required_roles": ["product", "security", "infrastructure"], "four_eyes": true,
                           "min_approvals": 2},
             "adapter": {"type": "webhook", "settings": {"url": "https://deploy.example/hook",
                         "signing_token": "s3cr3t-token-value"}}}
            """;

    @TempDir
    Path folder;
    @TempDir
    Path out;
    AccessRig rig;
    long id;
    final dev.rampart.domain.access.Signer signer = Signers.ephemeral("olga");

    @BeforeEach
    void runARolloutThatRollsBack() {
        rig = new AccessRig(folder);
        StoredPlan plan = rig.importPlan(PLAN);
        AccessServices services = new AccessServices(rig.access, rig.people, rig.signatures,
                new SignedApprovals(rig.signatures), rig.reviews);
        Scenario spike = new Scenario(7, null, null,
                List.of(new ScenarioEvent(Duration.ofMinutes(90), "beta", "error_rate", 0.034)));
        RolloutService service = new RolloutService(rig.store.plans(), rig.store.rollouts(), rig.store.intents(),
                services.approvals(), (p, rolloutId, anchor) -> {
                    SimulatedFleet fleet = new SimulatedFleet(spike, anchor, rig.clock);
                    return new Deployment("simulator", new SimulatorAdapter(fleet, rig.clock::advance,
                            Duration.ofSeconds(8)), new SimulatorMetrics(fleet), n -> { }, rig.clock, null);
                }, rig.clock, EngineSettings.defaults(), rig.format, services);
        id = service.start(plan.id(), "ana").id();
        rig.signatures.sign(SignRequest.goNoGo(id, null, Role.PRODUCT, "Product sign-off for 2.1.0"), "priya",
                AccessRig.pass("priya"));
        rig.signatures.sign(SignRequest.goNoGo(id, null, Role.INFRASTRUCTURE, "Capacity checked"), "sam",
                AccessRig.pass("sam"));
        for (int minute = 1; minute <= 300 && service.status(id).rollout().state().isLive(); minute++) {
            rig.clock.advance(Duration.ofMinutes(1));
            if (minute == 25) {
                rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.SRE, "Canary clean for 25 min"), "sam",
                        AccessRig.pass("sam"));
                rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.PRODUCT, "Go"), "priya",
                        AccessRig.pass("priya"));
            }
            service.tick(id);
        }
        assertThat(service.status(id).rollout().state()).isEqualTo(RolloutState.ROLLED_BACK);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aPackIsWrittenAndVerifies() throws IOException {
        Path pack = out.resolve("pack");
        EvidencePack.Written w = export(pack);

        assertThat(Files.list(pack).map(p -> p.getFileName().toString()).sorted())
                .containsExactly("chain.json", "checkpoint.json", "evidence.json", "manifest.sha256", "plan.json",
                        "report.html", "signature.json");
        PackCheck check = EvidencePack.verify(pack, AuditChain::hashOf);
        assertThat(check.intact()).as(check.toString()).isTrue();
        assertThat(check.signedBy()).isEqualTo("olga with installation key " + signer.keyId());
        String checkpoint = Files.readString(pack.resolve("checkpoint.json"));
        assertThat(checkpoint).contains("\"store_id\" : \"" + rig.store.audit().storeId() + "\"")
                .contains("\"seq\" : " + (rig.store.audit().headSeq() - 1)); // the export itself came after
        String html = Files.readString(pack.resolve("report.html"));
        assertThat(html).contains("<svg", "rollback_time_seconds", "error_rate_during_rollout", "Canary clean for 25 min",
                "rolled_back", "error_rate &gt; 1% for 5m");
        assertThat(html).doesNotContain("<script", " src=", "<link", "url(");
        String evidence = Files.readString(pack.resolve("evidence.json"));
        assertThat(evidence).contains("\"rollback_time_seconds\" : 8", "\"error_rate_during_rollout\"");
        assertThat(rig.store.rollouts().events(id)).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("evidence.exported");
            assertThat(e.data()).containsEntry("manifest_sha256", w.manifestSha256());
        });
        keepForLooking(pack);
    }

    @Test
    void secretsNeverEnterThePack() throws IOException {
        Path pack = out.resolve("pack");
        export(pack);
        try (Stream<Path> files = Files.list(pack)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertThat(text).as(f.toString()).doesNotContain("s3cr3t-token-value", "sam-passphrase",
                        "priya-passphrase", "private_key");
            }
        }
        assertThat(Files.readString(pack.resolve("plan.json"))).contains("[redacted]");
    }

    @Test
    void oneChangedByteInAnyFileIsNamed() throws IOException {
        for (String name : List.of("report.html", "evidence.json", "chain.json", "plan.json", "checkpoint.json")) {
            Path pack = out.resolve("pack-" + name);
            export(pack);
            Path file = pack.resolve(name);
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(file, bytes);

            PackCheck check = EvidencePack.verify(pack, AuditChain::hashOf);
            assertThat(check.intact()).as(name).isFalse();
            assertThat(check.file()).isEqualTo(name);
        }
    }

    @Test
    void aMissingOrAddedFileOrAForgedManifestIsCaught() throws IOException {
        Path pack = out.resolve("pack");
        export(pack);
        Files.writeString(pack.resolve("notes.txt"), "added later");
        assertThat(EvidencePack.verify(pack, AuditChain::hashOf).file()).isEqualTo("notes.txt");
        Files.delete(pack.resolve("notes.txt"));
        Files.delete(pack.resolve("plan.json"));
        assertThat(EvidencePack.verify(pack, AuditChain::hashOf).file()).isEqualTo("plan.json");

        Path forged = out.resolve("forged");
        export(forged);
        // an edited event with a manifest recomputed to match: the event's own hash still gives it away
        Path chain = forged.resolve("chain.json");
        Files.writeString(chain, Files.readString(chain).replaceFirst("\"actor\" : \"ana\"", "\"actor\" : \"bo\""));
        String manifest = Files.readString(forged.resolve("manifest.sha256")).replaceAll("[0-9a-f]{64}  chain.json",
                sha256(Files.readAllBytes(chain)) + "  chain.json");
        Files.writeString(forged.resolve("manifest.sha256"), manifest);
        PackCheck check = EvidencePack.verify(forged, AuditChain::hashOf);
        assertThat(check.file()).isEqualTo("chain.json");
        assertThat(check.problem()).contains("not the one olga with installation key");
    }

    /** Attacks of issue 11: a manifest recomputed after the pack was changed. Each passed verify before packs were signed. */
    @Test
    void aManifestRecomputedAfterAnyChangeNamesTheChangedFileOrEvent() throws IOException {
        Path deleted = out.resolve("deleted-event");
        export(deleted);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var events = (com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(deleted.resolve("chain.json")
                .toFile());
        long victim = events.get(3).path("seq").asLong();
        events.remove(3);
        Files.writeString(deleted.resolve("chain.json"), json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(events));
        recomputeManifest(deleted);
        PackCheck check = EvidencePack.verify(deleted, AuditChain::hashOf);
        assertThat(check.intact()).isFalse();
        assertThat(check.file()).isEqualTo("chain.json");
        assertThat(check.problem()).isEqualTo("event " + victim + " is missing (olga with installation key "
                + signer.keyId() + " signed it)");

        for (String name : List.of("evidence.json", "report.html", "plan.json")) {
            Path pack = out.resolve("edited-" + name);
            export(pack);
            Path file = pack.resolve(name);
            Files.writeString(file, Files.readString(file).replace("rolled_back", "completed")
                    .replace("checkout", "checkout-forged"));
            recomputeManifest(pack);
            PackCheck edited = EvidencePack.verify(pack, AuditChain::hashOf);
            assertThat(edited.intact()).as(name).isFalse();
            assertThat(edited.file()).as(name).isEqualTo(name);
            assertThat(edited.problem()).contains("it is not the one olga");
        }

        Path unsigned = out.resolve("unsigned");
        export(unsigned);
        Files.delete(unsigned.resolve("signature.json"));
        assertThat(EvidencePack.verify(unsigned, AuditChain::hashOf).file()).isEqualTo("signature.json");

        Path resigned = out.resolve("re-signed");
        export(resigned);
        Files.writeString(resigned.resolve("signature.json"), Files.readString(resigned.resolve("signature.json"))
                .replace("\"signer\" : \"olga\"", "\"signer\" : \"ana\""));
        assertThat(EvidencePack.verify(resigned, AuditChain::hashOf).problem()).contains("does not verify");
    }

    private static void recomputeManifest(Path pack) throws IOException {
        StringBuilder manifest = new StringBuilder();
        for (String name : EvidencePack.FILES) {
            manifest.append(sha256(Files.readAllBytes(pack.resolve(name)))).append("  ").append(name).append('\n');
        }
        Files.writeString(pack.resolve("manifest.sha256"), manifest.toString());
    }

    @Test
    void aPackGoesOnlyIntoANewOrEmptyFolderAndOnlyForPeopleOfTheStore() throws IOException {
        Files.writeString(out.resolve("x"), "");
        assertThatThrownBy(() -> export(out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> exporter().export("mallory", id, out.resolve("p")))
                .isInstanceOf(NotPermittedException.class);
        assertThat(exporter().export("olga", id, out.resolve("p")).manifestSha256()).hasSize(64);
    }

    private EvidencePack.Written export(Path dir) {
        return exporter().export("olga", id, dir);
    }

    private EvidenceExport exporter() {
        return new EvidenceExport(rig.store.rollouts(), rig.store.plans(), rig.signatures, rig.store.audit(),
                rig.store.audit(), rig.access, rig.format, rig.clock, signer);
    }

    /** With -Drampart.evidence.demo=DIR, a copy is kept there to look at in a browser. */
    private static void keepForLooking(Path pack) throws IOException {
        String to = System.getProperty("rampart.evidence.demo");
        if (to == null) {
            return;
        }
        Path target = Path.of(to);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(pack)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
