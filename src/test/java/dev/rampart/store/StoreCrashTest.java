package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Every commit the store acknowledged survives kill -9 of the process that made it, round after round. */
class StoreCrashTest {

    private static final int ROUNDS = 5;

    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void acknowledgedAppendsSurviveKill9() throws Exception {
        String url = DataFolder.jdbcUrl(folder);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long lastAcked = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            int killAfter = 20 + random.nextInt(180);
            lastAcked = appendUntilKilled(url, killAfter, lastAcked, "round " + round + ", seed " + seed);

            try (Store store = Store.open(url)) {
                List<AuditEvent> survivors = store.audit().read(0, Integer.MAX_VALUE);
                assertThat(survivors.size()).as("round %d (seed %d): events after kill at ack %d", round, seed, lastAcked)
                        .isGreaterThanOrEqualTo((int) lastAcked);
                assertThat(survivors.get((int) lastAcked - 1).seq()).isEqualTo(lastAcked);
                assertThat(store.audit().verify().isIntact()).as("chain after round %d (seed %d)", round, seed).isTrue();
                lastAcked = survivors.size();
            }
        }
    }

    /** Starts a child that appends, kills it once {@code count} more appends were acknowledged; returns the last seq acknowledged. */
    private long appendUntilKilled(String url, int count, long before, String what) throws Exception {
        Path errors = folder.resolve("child.err");
        Process child = ChildJvm.start(StoreCrashChild.class, errors, "append", url);
        long last = before;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (int seen = 0; seen < count; seen++) {
                String line = ChildJvm.nextReply(out);
                if (line == null) {
                    fail("%s: the child stopped before acknowledging %d appends: %s", what, count, ChildJvm.errors(errors));
                }
                last = Long.parseLong(line);
            }
            child.destroyForcibly();
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
        assertThat(last).as(what).isEqualTo(before + count);
        return last;
    }
}
