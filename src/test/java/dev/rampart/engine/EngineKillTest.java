package dev.rampart.engine;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of the engine's process between an adapter's effect and its recorded outcome; a new process settles it. */
class EngineKillTest {
    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void anExpansionCutOffByKill9IsReconciledByTheNextProcess() throws Exception {
        String url = DataFolder.jdbcUrl(folder.resolve("db"));
        Path weights = folder.resolve("weights.properties");
        Path errors = folder.resolve("child.err");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classPath, EngineCrashChild.class.getName(), url, weights.toString())
                .redirectError(errors.toFile()).start();
        long rolloutId;
        String appliedKey;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            rolloutId = Long.parseLong(reply(out, errors).substring("rollout ".length()));
            appliedKey = reply(out, errors).substring("applied ".length());
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }

        try (Store store = Store.open(url)) {
            Rollout before = store.rollouts().find(rolloutId).orElseThrow();
            assertThat(before.state()).isEqualTo(RolloutState.RUNNING);
            assertThat(before.stageIndex()).isZero();
            assertThat(store.intents().unfinished(rolloutId)).extracting(Intent::key).containsExactly(appliedKey);

            VirtualClock clock = new VirtualClock(DryRun.DEFAULT_START.plus(Duration.ofMinutes(61)));
            RolloutEngine engine = RolloutEngine.attach(EngineCrashChild.rules(), rolloutId,
                    EngineCrashChild.parts(store, new FileWeightsAdapter(weights, 0), clock));

            assertThat(engine.rollout().stageIndex()).isEqualTo(1);
            assertThat(store.intents().all(rolloutId)).extracting(Intent::status)
                    .containsExactly(IntentStatus.DONE, IntentStatus.DONE);
            List<AuditEvent> events = store.rollouts().events(rolloutId);
            assertThat(events).filteredOn(e -> e.type().equals("adapter.reconciled")).singleElement()
                    .satisfies(e -> assertThat(e.data()).containsEntry("in_effect", "true")
                            .containsEntry("idempotency_key", appliedKey));
            for (int m = 62; m <= 200; m++) {
                clock.advanceTo(DryRun.DEFAULT_START.plus(Duration.ofMinutes(m)));
                engine.tick();
            }
            assertThat(engine.rollout().state()).isEqualTo(RolloutState.COMPLETED);
            assertThat(store.audit().verify().isIntact()).isTrue();
        }
    }

    private static String reply(BufferedReader out, Path errors) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(EngineCrashChild.REPLY)) {
                return line.substring(EngineCrashChild.REPLY.length());
            }
        }
        throw new AssertionError("the child ended early: " + (Files.exists(errors) ? Files.readString(errors) : ""));
    }
}
