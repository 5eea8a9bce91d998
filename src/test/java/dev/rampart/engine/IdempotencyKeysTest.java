package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys come from the store: any process computes the same key for the same step (issue 12). */
class IdempotencyKeysTest {

    private static List<String> keys(boolean secondProcess) {
        MemoryIntents intents = new MemoryIntents();
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of()), Scenario.quiet(3), new MemoryRollouts(),
                intents, a -> a, ApprovalBook.assumedWhenDue());
        RolloutEngine early = RolloutEngine.attach(rig.engine.rules(), rig.engine.rollout().id(), rig.parts);
        rig.runTo(Duration.ofMinutes(90));
        if (secondProcess) {
            rig.engine = early; // a process that attached before the first two steps takes the last one
        }
        rig.runTo(Duration.ofHours(3));
        return intents.all(rig.engine.rollout().id()).stream().map(Intent::key).toList();
    }

    @Test
    void theSameStepGetsTheSameKeyWhicheverProcessTakesIt() {
        assertThat(keys(true)).hasSize(3).isEqualTo(keys(false));
    }
}
