package dev.rampart.engine.chaos;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.plan.AdapterSettings;
import dev.rampart.domain.plan.MetricSettings;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.ApprovalBook;
import dev.rampart.engine.EngineParts;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.PlanRules;
import dev.rampart.engine.RolloutEngine;
import dev.rampart.engine.VirtualClock;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ChangeKind;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.Notifier;
import dev.rampart.spi.TrafficSplit;
import dev.rampart.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * One real rollout under one fault, in this process: the real engine on a virtual clock, a real store, the simulated
 * fleet behind a deployment system that logs every effect. A bad release may start at {@code badAt}; the fault is
 * active in {@code [faultFrom, faultTo)}. A person resumes a paused rollout once the fault is over, as a release owner
 * would after looking.
 */
final class Trial {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final List<String> STAGES = List.of("canary", "25pct", "100pct");

    final VirtualClock clock = new VirtualClock(START);
    final Store store;
    final EffectLog effects;
    final SimulatedFleet fleet;
    final Instant badAt;
    final Instant faultFrom;
    final Instant faultTo;
    final List<String> tickFailures = new ArrayList<>();
    RolloutEngine engine;
    EngineParts parts;

    /** The plan every trial runs: three stages of 40 minutes, two halt rules, two rollback steps. */
    static Plan plan() {
        List<Stage> stages = List.of(Stage.of("canary", 10, Duration.ofMinutes(40)),
                Stage.of("25pct", 25, Duration.ofMinutes(40)), Stage.of("100pct", 100, Duration.ofMinutes(40)));
        return new Plan(Plan.SCHEMA, "REL-CHAOS", "checkout", "2.1.0", "2.0.4", "olga", null, stages,
                List.of("error_rate > 1% for 5m", "latency_p99 > 5x baseline for 5m"), null, null, null,
                List.of(new RollbackStep("Re-deploy 2.0.4", "application", null),
                        new RollbackStep("Downgrade the schema", "database", null)),
                null, AdapterSettings.simulator(), MetricSettings.simulator(), null, null);
    }

    /**
     * @param scripted     values the fault scripts (NaN, +Inf), on every cohort, on top of the bad release
     * @param wrapAdapter  the fault on the deployment system
     * @param wrapMetrics  the fault on the metric source
     */
    Trial(Store store, java.nio.file.Path dir, Instant badAt, Instant faultFrom, Instant faultTo,
          List<ScenarioEvent> scripted, UnaryOperator<DeploymentAdapter> wrapAdapter,
          UnaryOperator<MetricSource> wrapMetrics, EngineSettings settings, long seed) {
        this.store = store;
        this.badAt = badAt;
        this.faultFrom = faultFrom;
        this.faultTo = faultTo;
        List<ScenarioEvent> events = new ArrayList<>(scripted);
        if (badAt != null) {
            for (String cohort : STAGES) {
                events.add(new ScenarioEvent(Duration.between(START, badAt), cohort, "error_rate", 0.05));
            }
        }
        this.fleet = new SimulatedFleet(new Scenario(seed, null, null, events), START, clock);
        this.effects = new EffectLog(dir.resolve("effects.log"));
        DeploymentAdapter system = new Recorded(new SimulatorAdapter(fleet, clock::advance, Duration.ofSeconds(8)),
                effects, clock);
        this.parts = new EngineParts(wrapAdapter.apply(system), wrapMetrics.apply(new SimulatorMetrics(fleet)),
                Notifier.silent(), store.rollouts(), store.intents(), ApprovalBook.assumedWhenDue(), clock, settings);
        this.engine = RolloutEngine.start(PlanRules.parse(plan()), store.plans().add("REL-CHAOS", "checkout", "2.1.0",
                "olga", "{}", "chaos").id(), parts, "olga");
    }

    boolean faultActive(Instant t) {
        return faultFrom != null && !t.isBefore(faultFrom) && (faultTo == null || t.isBefore(faultTo));
    }

    /** Ticks once a minute until the rollout is over (or the horizon); returns the final state. */
    Rollout run(Duration horizon, Runnable everyTick) {
        Rollout r = engine.rollout();
        boolean resumedAfterFault = false;
        for (long m = 0; m <= horizon.toMinutes(); m++) {
            clock.advanceTo(START.plus(Duration.ofMinutes(m)));
            everyTick.run();
            try {
                r = engine.tick();
            } catch (RuntimeException e) {
                tickFailures.add(e.getMessage());
                continue;
            }
            if (r.state() == RolloutState.PAUSED && !faultActive(clock.instant()) && !resumedAfterFault) {
                try {
                    r = engine.resume("olga");
                    resumedAfterFault = true;
                } catch (RuntimeException refused) {
                    tickFailures.add(refused.getMessage());
                }
            }
            if (r.state().isFinal() && r.state() != RolloutState.COMPLETED) {
                break;
            }
            if (r.state() == RolloutState.COMPLETED && (badAt == null || clock.instant().isAfter(badAt.plus(
                    Duration.ofMinutes(20))))) {
                break;
            }
        }
        // The virtual clock races ahead of a call that sleeps in real time: hours of virtual minutes can pass in the
        // few hundred milliseconds a late call is in flight. A rollback that waits for such a call (it never starts
        // the same step twice) must finish once the call ends: keep ticking, in real time, for up to a minute.
        for (int i = 0; i < 1200 && r.state() == RolloutState.ROLLING_BACK; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            clock.advance(Duration.ofMinutes(1));
            try {
                r = engine.tick();
            } catch (RuntimeException e) {
                tickFailures.add(e.getMessage());
            }
        }
        return r;
    }

    /** The trial's seeded randomness. */
    static Instant minute(Random random, int from, int to) {
        return START.plus(Duration.ofMinutes(from + random.nextInt(to - from)));
    }

    /** Logs each change the first time its key takes effect. */
    static final class Recorded implements DeploymentAdapter {
        private final DeploymentAdapter inner;
        private final EffectLog log;
        private final VirtualClock clock;

        Recorded(DeploymentAdapter inner, EffectLog log, VirtualClock clock) {
            this.inner = inner;
            this.log = log;
            this.clock = clock;
        }

        private TrafficSplit note(String key, TrafficSplit done) {
            if (!log.has(key)) {
                log.add(key, done.newVersionPercent(), clock.instant());
            }
            return done;
        }

        @Override
        public TrafficSplit applyTraffic(TrafficSplit desired, String key) throws AdapterException {
            return note(key, inner.applyTraffic(desired, key));
        }

        @Override
        public TrafficSplit promote(String key) throws AdapterException {
            return note(key, inner.promote(key));
        }

        @Override
        public TrafficSplit rollback(String key) throws AdapterException {
            return note(key, inner.rollback(key));
        }

        @Override
        public boolean performsRollbackSteps() {
            return true;
        }

        @Override
        public void rollbackStep(dev.rampart.domain.plan.RollbackStep step, String key) throws AdapterException {
            inner.rollbackStep(step, key);
            note(key, TrafficSplit.none());
        }

        @Override
        public boolean harmlessToRepeat(ChangeKind kind) {
            return inner.harmlessToRepeat(kind);
        }

        @Override
        public Health health() throws AdapterException {
            return inner.health();
        }

        @Override
        public TrafficSplit currentWeights() throws AdapterException {
            return inner.currentWeights();
        }
    }
}
