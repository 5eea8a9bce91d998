package dev.rampart.engine;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a child JVM running a rollout, at random moments, again and again until the rollout is over. After
 * every kill the store must open with an intact audit chain and a rollout in a valid state; at the end every stage
 * must have taken effect in the deployment system exactly once: no step lost, none run twice. A kill lands after a
 * random number of the child's ticks plus a random fraction of one (inside adapter calls too), so the test makes
 * the same progress on a fast machine and on a loaded one.
 */
class RandomKillTest {
    private static final List<String> STAGES = List.of("canary", "25pct", "100pct");

    @TempDir
    Path folder;

    @Test
    @Timeout(600)
    void everyRestartFindsTheStateIntactAndNoStepRanTwiceOrWasLost() throws Exception {
        long seed = Long.getLong("rampart.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        String url = DataFolder.jdbcUrl(folder.resolve("db"));
        Path weights = folder.resolve("weights.properties");
        int kills = 0;
        boolean done = false;
        for (int run = 0; run < 100 && !done; run++) {
            Path out = folder.resolve("child-" + run + ".txt");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    RandomKillChild.class.getName(), url, weights.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(out).contains("ready") && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(Files.readString(out)).as("seed %d, run %d", seed, run).contains("ready");
            int ticks = random.nextInt(12);
            while (child.isAlive() && Files.readString(out).split("\ntick ", -1).length - 1 < ticks
                    && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            if (child.waitFor(random.nextInt(40), TimeUnit.MILLISECONDS)) {
                done = true;
            } else {
                child.destroyForcibly(); // SIGKILL
                child.waitFor(30, TimeUnit.SECONDS);
                kills++;
            }
            try (Store store = Store.open(url)) {
                assertThat(store.audit().verify().isIntact()).as("seed %d, after run %d", seed, run).isTrue();
                List<Rollout> rollouts = store.rollouts().list();
                assertThat(rollouts).as("one rollout, whatever happened").hasSize(1);
                assertThat(rollouts.get(0).state()).isIn(RolloutState.SCHEDULED, RolloutState.RUNNING,
                        RolloutState.COMPLETED);
            }
        }
        System.out.printf("random kill -9: seed %d, %d kills before the rollout finished%n", seed, kills);
        assertThat(done).as("seed %d: the rollout finished within 100 runs", seed).isTrue();
        assertThat(kills).as("seed %d: killed along the way", seed).isGreaterThanOrEqualTo(5);

        Properties system = new Properties();
        try (InputStream in = Files.newInputStream(weights)) {
            system.load(in);
        }
        // keys are rollout-ID-enter-K-attempt-N: stage K entered, whatever the attempt
        Map<String, Long> appliedPerStage = system.stringPropertyNames().stream()
                .filter(k -> k.startsWith("key.") && k.contains("-enter-"))
                .collect(Collectors.groupingBy(k -> STAGES.get(Integer.parseInt(k.replaceFirst(".*-enter-(\\d+)-.*",
                        "$1"))), Collectors.counting()));
        String story;
        try (Store store = Store.open(url)) {
            long id = store.rollouts().list().get(0).id();
            story = store.rollouts().events(id).stream().map(e -> e.at() + " " + e.type() + " " + e.stage() + " "
                    + e.data()).collect(Collectors.joining("\n")) + "\nintents:\n" + store.intents().all(id).stream()
                    .map(i -> i.key() + " " + i.status() + " " + i.outcome()).collect(Collectors.joining("\n"));
        }
        assertThat(appliedPerStage).as("seed %d, %d kills: each stage took effect exactly once; keys %s%n%s", seed,
                        kills, system.stringPropertyNames(), story)
                .containsExactlyInAnyOrderEntriesOf(Map.of("canary", 1L, "25pct", 1L, "100pct", 1L));
        assertThat(system.getProperty("w.100pct")).isEqualTo("100.0");

        try (Store store = Store.open(url)) {
            Rollout r = store.rollouts().list().get(0);
            assertThat(r.state()).isEqualTo(RolloutState.COMPLETED);
            List<AuditEvent> events = store.rollouts().events(r.id());
            for (String stage : STAGES) {
                assertThat(events.stream().filter(e -> e.type().equals("rollout.expanded") && stage.equals(e.stage())))
                        .as("seed %d: %s entered once", seed, stage).hasSize(1);
            }
            assertThat(store.intents().unfinished(r.id())).extracting(Intent::key).isEmpty();
        }
    }
}
