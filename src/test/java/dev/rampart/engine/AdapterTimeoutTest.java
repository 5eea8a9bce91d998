package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** An adapter that hangs never leaves the rollout in an unknown state: the engine stops waiting and reconciles. */
class AdapterTimeoutTest {
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void letTheHungCallGo() {
        release.countDown();
    }

    /** The first change toward {@code stage} blocks until the test ends, without taking effect. */
    private DeploymentAdapter hangingOnce(DeploymentAdapter real, String stage) {
        return new DeploymentAdapter() {
            private boolean hung;

            @Override
            public TrafficSplit applyTraffic(TrafficSplit desired, String key) throws AdapterException {
                if (!hung && key.contains(stage)) {
                    hung = true;
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new AdapterException("released at the end of the test");
                }
                return real.applyTraffic(desired, key);
            }

            @Override
            public TrafficSplit promote(String key) throws AdapterException {
                return real.promote(key);
            }

            @Override
            public TrafficSplit rollback(String key) throws AdapterException {
                return real.rollback(key);
            }

            @Override
            public Health health() throws AdapterException {
                return real.health();
            }

            @Override
            public TrafficSplit currentWeights() throws AdapterException {
                return real.currentWeights();
            }
        };
    }

    @Test
    void aHungExpansionHoldsTheRolloutUntilTheCallEndsAndIsThenDecidedAgain() throws Exception {
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of()), 1, Scenario.quiet(2), new MemoryRollouts(),
                new MemoryIntents(), a -> hangingOnce(a, "-enter-1-"), ApprovalBook.assumedWhenDue(),
                EngineSettings.defaults().withAdapterTimeout(Duration.ofSeconds(1)));

        assertThat(rig.runTo(Duration.ofMinutes(60)).stageIndex()).isZero();
        assertThat(rig.events("adapter.failed").get(0).data().get("error")).contains("effect unknown");
        long id = rig.engine.rollout().id();
        assertThat(rig.runTo(Duration.ofMinutes(65)).stageIndex()).as("nothing is asked again while it runs")
                .isZero();
        assertThat(rig.intents.all(id)).hasSize(2);
        assertThat(rig.events("rollout.waiting")).anySatisfy(e -> assertThat(e.data().get("for"))
                .contains("the adapter to answer"));

        release.countDown();
        for (int i = 0; i < 200 && rig.intents.unfinished(id).size() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(rig.intents.all(id).get(1).status()).as("its own outcome, recorded when it ended")
                .isEqualTo(IntentStatus.FAILED);
        assertThat(rig.runTo(Duration.ofMinutes(66)).stageIndex()).isEqualTo(1);
        assertThat(rig.intents.all(id)).extracting(i -> i.status())
                .containsExactly(IntentStatus.DONE, IntentStatus.FAILED, IntentStatus.DONE);
    }

    @Test
    void aSlowChangeThatLandsAfterTheTimeoutIsSettledFromItsOwnOutcomeNotRepeated() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch landed = new CountDownLatch(1);
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of()), 1, Scenario.quiet(2), new MemoryRollouts(),
                new MemoryIntents(), a -> new DelegatingAdapter(a) {
                    private boolean slow;

                    @Override
                    public TrafficSplit applyTraffic(TrafficSplit desired, String key) throws AdapterException {
                        if (!slow && key.contains("-enter-1-")) {
                            slow = true;
                            started.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            TrafficSplit done = inner.applyTraffic(desired, key);
                            landed.countDown();
                            return done;
                        }
                        return inner.applyTraffic(desired, key);
                    }
                }, ApprovalBook.assumedWhenDue(), EngineSettings.defaults().withAdapterTimeout(Duration.ofSeconds(1)));
        for (int m = 60; m <= 180 && started.getCount() > 0; m++) {
            rig.runTo(Duration.ofMinutes(m));
        }
        assertThat(started.getCount()).as("the expansion to 25pct began").isZero();
        long id = rig.engine.rollout().id();
        rig.runTo(Duration.between(rig.start, rig.clock.instant()).plusMinutes(2));
        release.countDown();
        assertThat(landed.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 600 && rig.intents.unfinished(id).size() > 0; i++) {
            Thread.sleep(10);
        }

        for (int m = 0; m < 5 && rig.engine.rollout().stageIndex() < 1; m++) {
            rig.runTo(Duration.between(rig.start, rig.clock.instant()).plusMinutes(1));
        }
        assertThat(rig.engine.rollout().stageIndex()).isEqualTo(1);
        assertThat(rig.intents.all(id)).filteredOn(i -> i.key().contains("-enter-1-"))
                .as("the late change counted; no second attempt").singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(IntentStatus.DONE));
        assertThat(rig.events("rollout.expanded")).hasSize(2);
    }
}
