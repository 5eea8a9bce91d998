package dev.rampart.cli;

import dev.rampart.domain.access.Role;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.evidence.EvidencePack;
import dev.rampart.store.AuditChain;
import dev.rampart.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BeforeCliAttacksTest {
    @TempDir
    Path dir;

    String db() {
        return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    }

    CliRun rampart(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    void setUp() throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, RolloutCommandTest.PLAN);
        assertThat(rampart("plan", "import", plan.toString()).exitCode()).isZero();
        assertThat(rampart("people", "add", "bob", "--role", "release_owner", "--no-passphrase").exitCode()).isZero();
    }

    @Test
    void userForgeryIsRefused() throws Exception {
        setUp();
        assertThat(rampart("rollout", "start", "1").exitCode()).isZero();
        CliRun forged = rampart("--user", "bob", "rollout", "pause", "1", "--reason", "bob did it");
        assertThat(forged.exitCode()).as(forged.out()).isNotZero();
    }

    @Test
    void fourEyesCannotBeBypassedByStartingAsSomeoneElse() throws Exception {
        setUp();
        CliRun started = rampart("--user", "bob", "rollout", "start", "1");
        assertThat(started.exitCode()).as(started.out()).isNotZero();
    }

    @Test
    void aPasswordInDbIsNeverPrinted() {
        CliRun agent = CliRun.of("--db", "jdbc:h2:file:" + dir.resolve("s").toAbsolutePath() + ";PASSWORD=hunter2hunter2",
                "agent", "--ticks", "1", "--interval", "PT0.01S");
        assertThat(agent.out() + agent.err()).doesNotContain("hunter2");
    }

    @Test
    void anEvidencePackWithARecomputedManifestIsCaught() throws Exception {
        setUp();
        assertThat(rampart("rollout", "start", "1").exitCode()).isZero();
        assertThat(rampart("rollout", "pause", "1").exitCode()).isZero();
        Path pack = dir.resolve("pack");
        assertThat(rampart("evidence", "export", "1", "--out", pack.toString()).exitCode()).isZero();
        Path evidence = pack.resolve("evidence.json");
        Files.writeString(evidence, Files.readString(evidence).replace("\"paused\"", "\"completed\""));
        StringBuilder manifest = new StringBuilder();
        for (String name : EvidencePack.FILES) {
            manifest.append(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(pack.resolve(name))))).append("  ").append(name).append('\n');
        }
        Files.writeString(pack.resolve("manifest.sha256"), manifest.toString());
        assertThat(EvidencePack.verify(pack, AuditChain::hashOf).intact()).isFalse();
    }
}
