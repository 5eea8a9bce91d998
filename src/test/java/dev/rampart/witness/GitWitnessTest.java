package dev.rampart.witness;

import dev.rampart.domain.access.Checkpoint;
import dev.rampart.engine.access.Signers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The git witness on real repositories: a clone that commits each checkpoint and pushes it to the auditor's. */
class GitWitnessTest {
    @TempDir
    Path dir;
    final dev.rampart.domain.access.Signer signer = Signers.ephemeral("ana");

    Checkpoint at(long seq, char hash) {
        return Checkpoint.of("store-1", "/data/rampart.mv.db", seq, String.valueOf(hash).repeat(64),
                Instant.parse("2026-12-01T09:00:00Z").plusSeconds(seq), signer);
    }

    @Test
    void eachCheckpointIsACommitPushedToTheUpstream() throws Exception {
        Path auditor = dir.resolve("auditor.git");
        git(dir, "init", "--quiet", "--bare", auditor.toString());
        Path clone = dir.resolve("clone");
        git(dir, "clone", "--quiet", auditor.toString(), clone.toString());

        Witness w = new BuiltInWitnesses().open(URI.create("git:" + clone), dir).orElseThrow();
        assertThat(w.describe()).isEqualTo("git:" + clone);
        w.record(at(5, 'a'));
        w.record(at(12, 'b'));
        w.record(at(12, 'b'));

        assertThat(w.newest("/data/rampart.mv.db").orElseThrow().seq()).isEqualTo(12L);
        assertThat(w.newest("/data/rampart.mv.db").orElseThrow().verifies()).isTrue();
        List<String> pushed = git(auditor, "log", "--format=%s").lines().toList();
        assertThat(pushed).as("one commit per new checkpoint, none for a repeat, all on the auditor's side")
                .containsExactly("Rampart checkpoint 12 of /data/rampart.mv.db",
                        "Rampart checkpoint 5 of /data/rampart.mv.db");
    }

    @Test
    void aFolderThatIsNotAGitWorkTreeIsReportedAndNothingIsWritten() {
        Path plain = dir.resolve("plain");
        GitWitness w = new GitWitness(plain);
        assertThatThrownBy(() -> w.record(at(1, 'c'))).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a git work tree");
        assertThat(Files.exists(plain)).isFalse();
    }

    private static String git(Path in, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", in.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
