package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A step whose earlier attempt is still in flight, or landed after its caller stopped waiting, is never applied again
 * under a new key (the fault campaign's "adapter times out (late effect)" row, seed 14550307098258: a stage entered
 * twice). The late call lands inside a tick, after the tick reconciled and before it decides to expand: the engine
 * must see that the step already happened (or may still happen) and wait, not ask for it a second time.
 */
class LateEffectNeverRepeatedTest {
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void letTheSlowCallGo() {
        release.countDown();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aStageWhoseEntryLandsLateInsideATickIsEnteredOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> effects = new CopyOnWriteArrayList<>();
        AtomicBoolean landDuringNextRead = new AtomicBoolean();
        Rig[] rig = new Rig[1];
        // the metric source is read after the tick reconciled and before it decides: the late call lands right there
        java.util.function.UnaryOperator<MetricSource> landing = real -> (cohorts, metrics, from, to) -> {
            if (landDuringNextRead.compareAndSet(true, false)) {
                release.countDown();
                while (!rig[0].engine.gate().inFlight().isEmpty()) {
                    Thread.onSpinWait();
                }
            }
            return real.read(cohorts, metrics, from, to);
        };
        rig[0] = new Rig(Plans.plan(Plans.threeStages(), List.of()), 1, Scenario.quiet(2), new MemoryRollouts(),
                new MemoryIntents(), a -> new DelegatingAdapter(a) {
                    private boolean slow;

                    @Override
                    public TrafficSplit applyTraffic(TrafficSplit desired, String key) throws AdapterException {
                        if (!slow && key.contains("-enter-1-")) {
                            slow = true;
                            started.countDown();
                            await(release);
                        }
                        TrafficSplit done = inner.applyTraffic(desired, key);
                        effects.add(key);
                        return done;
                    }
                }, landing, ApprovalBook.assumedWhenDue(),
                EngineSettings.defaults().withAdapterTimeout(Duration.ofSeconds(1)));
        Rig r = rig[0];
        for (int m = 60; m <= 180 && started.getCount() > 0; m++) {
            r.runTo(Duration.ofMinutes(m));
        }
        assertThat(started.getCount()).as("the entry into 25pct began, and its caller stopped waiting").isZero();
        assertThat(r.events("adapter.failed")).singleElement()
                .satisfies(e -> assertThat(e.data().get("error")).contains("effect unknown"));

        landDuringNextRead.set(true);
        Duration now = Duration.between(r.start, r.clock.instant());
        r.runTo(now.plusMinutes(1));
        assertThat(landDuringNextRead).as("the call landed inside that tick").isFalse();
        r.runTo(now.plusMinutes(5));

        assertThat(effects).filteredOn(k -> k.contains("-enter-1-")).as("25pct entered once, under one key")
                .containsExactly("rollout-1-enter-1-attempt-1");
        long id = r.engine.rollout().id();
        assertThat(r.intents.all(id)).filteredOn(i -> i.key().contains("-enter-1-")).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(IntentStatus.DONE));
        assertThat(r.engine.rollout().stageIndex()).as("the late entry counted").isEqualTo(1);
        assertThat(r.events("rollout.expanded")).filteredOn(e -> "25pct".equals(e.stage())).singleElement()
                .satisfies(e -> assertThat(e.data().get("idempotency_key")).isEqualTo("rollout-1-enter-1-attempt-1"));
    }

    /** The gate itself: a step that happens once is never asked for again while an earlier attempt may take effect. */
    @Test
    void theGateRefusesASecondAttemptWhileTheFirstIsPendingOrDone() throws Exception {
        MemoryIntents intents = new MemoryIntents();
        List<String> calls = new CopyOnWriteArrayList<>();
        DeploymentAdapter adapter = new DelegatingAdapter(null) {
            @Override
            public TrafficSplit applyTraffic(TrafficSplit desired, String key) {
                calls.add(key);
                return desired;
            }

            @Override
            public TrafficSplit promote(String key) {
                calls.add(key);
                return TrafficSplit.everyone();
            }

            @Override
            public TrafficSplit rollback(String key) {
                calls.add(key);
                return TrafficSplit.none();
            }

            @Override
            public boolean performsRollbackSteps() {
                return true;
            }

            @Override
            public void rollbackStep(RollbackStep step, String key) {
                calls.add(key);
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        AdapterGate gate = new AdapterGate(adapter, intents, clock, 7, Duration.ofSeconds(1));
        RollbackStep redeploy = new RollbackStep("Re-deploy 2.0.4", "application", null);
        // attempt 1 of each step: still pending (in flight, or in a process that died), or confirmed after a timeout
        intents.record(Intent.pending(7, "rollout-7-rollback-1-attempt-1", "rollback_step",
                Map.of("step", "rollback-1", "index", "1"), clock.instant()));
        intents.record(Intent.pending(7, "rollout-7-enter-2-attempt-1", "apply",
                Map.of("stage", "2", "step", "enter-2"), clock.instant()));
        Intent promote = Intent.pending(7, "rollout-7-promote-attempt-1", "promote",
                Map.of("stage", "2", "step", "promote"), clock.instant());
        intents.record(promote);
        intents.finish(promote.finish(IntentStatus.DONE, "confirmed after the caller stopped waiting",
                clock.instant()));

        assertThatThrownBy(() -> gate.rollbackStep(redeploy, 1)).isInstanceOf(AdapterGate.Unsettled.class);
        assertThatThrownBy(() -> gate.apply(TrafficSplit.everyone(), 2, "enter-2"))
                .isInstanceOf(AdapterGate.Unsettled.class);
        assertThatThrownBy(() -> gate.promote(2)).isInstanceOf(AdapterGate.Unsettled.class);
        assertThat(calls).as("nothing asked a second time").isEmpty();
        assertThat(intents.all(7)).hasSize(3);

        // an attempt that failed took no effect: the step may be tried again, under its next key
        Intent failed = Intent.pending(7, "rollout-7-rollback-2-attempt-1", "rollback_step",
                Map.of("step", "rollback-2", "index", "2"), clock.instant());
        intents.record(failed);
        intents.finish(failed.finish(IntentStatus.FAILED, "503", clock.instant()));
        assertThat(gate.rollbackStep(redeploy, 2).key()).isEqualTo("rollout-7-rollback-2-attempt-2");
        // sending traffic back again is never harmful: the rollback repeats it after a late effect
        assertThat(gate.rollbackTraffic(2).key()).isEqualTo("rollout-7-rollback-0-attempt-1");
        assertThat(gate.rollbackTraffic(2).key()).isEqualTo("rollout-7-rollback-0-attempt-2");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
