package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.Notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A rollout engine on a virtual clock against the simulator, ticking once a minute. */
final class Rig {
    final Instant start = DryRun.DEFAULT_START;
    final VirtualClock clock = new VirtualClock(start);
    final SimulatedFleet fleet;
    final RolloutRepository rollouts;
    final IntentRepository intents;
    final List<Notice> notices = new ArrayList<>();
    final EngineParts parts;
    RolloutEngine engine;

    Rig(Plan plan, Scenario scenario) {
        this(plan, scenario, new MemoryRollouts(), new MemoryIntents(), a -> a, ApprovalBook.assumedWhenDue());
    }

    Rig(Plan plan, Scenario scenario, RolloutRepository rollouts, IntentRepository intents,
        UnaryOperator<DeploymentAdapter> wrap, ApprovalBook book) {
        this(plan, 1, scenario, rollouts, intents, wrap, book);
    }

    Rig(Plan plan, long planId, Scenario scenario, RolloutRepository rollouts, IntentRepository intents,
        UnaryOperator<DeploymentAdapter> wrap, ApprovalBook book) {
        this(plan, planId, scenario, rollouts, intents, wrap, book, EngineSettings.defaults());
    }

    Rig(Plan plan, long planId, Scenario scenario, RolloutRepository rollouts, IntentRepository intents,
        UnaryOperator<DeploymentAdapter> wrap, ApprovalBook book, EngineSettings settings) {
        this(plan, planId, scenario, rollouts, intents, wrap, m -> m, book, settings);
    }

    Rig(Plan plan, long planId, Scenario scenario, RolloutRepository rollouts, IntentRepository intents,
        UnaryOperator<DeploymentAdapter> wrap, UnaryOperator<MetricSource> wrapMetrics, ApprovalBook book,
        EngineSettings settings) {
        this.fleet = new SimulatedFleet(scenario, start, clock);
        this.rollouts = rollouts;
        this.intents = intents;
        DeploymentAdapter adapter = wrap.apply(new SimulatorAdapter(fleet, clock::advance, Duration.ofSeconds(8)));
        this.parts = new EngineParts(adapter, wrapMetrics.apply(new SimulatorMetrics(fleet)), notices::add, rollouts,
                intents, book, clock, settings);
        this.engine = RolloutEngine.start(PlanRules.parse(plan), planId, parts, "olga");
    }

    /** A rig whose metric source is wrapped (to go dark, to answer NaN). */
    static Rig withMetrics(Plan plan, Scenario scenario, UnaryOperator<MetricSource> wrapMetrics) {
        return new Rig(plan, 1, scenario, new MemoryRollouts(), new MemoryIntents(), a -> a, wrapMetrics,
                ApprovalBook.assumedWhenDue(), EngineSettings.defaults());
    }

    /** The process dies and a new one takes the rollout over from the store alone. */
    RolloutEngine restart() {
        engine = RolloutEngine.attach(engine.rules(), engine.rollout().id(), parts);
        return engine;
    }

    /** Ticks every minute up to {@code offset}, a new process taking over after every {@code restartEvery} ticks. */
    Rollout runTo(Duration offset, int restartEvery) {
        Rollout r = engine.rollout();
        int n = 0;
        while (lastTick == null || lastTick.isBefore(start.plus(offset))) {
            r = runTo(Duration.between(start, nextMinute()));
            if (++n % restartEvery == 0) {
                restart();
            }
        }
        return r;
    }

    /** Ticks every minute up to and including {@code offset} from the start. */
    Rollout runTo(Duration offset) {
        Rollout r = engine.rollout();
        Instant end = start.plus(offset);
        Instant t = clock.instant().equals(start) && lastTick == null ? start : nextMinute();
        while (!t.isAfter(end)) {
            clock.advanceTo(t);
            r = engine.tick();
            lastTick = t;
            t = nextMinute();
        }
        return r;
    }

    private Instant lastTick;

    private Instant nextMinute() {
        return lastTick == null ? start : lastTick.plus(Duration.ofMinutes(1));
    }

    List<AuditEvent> events() {
        return rollouts.events(engine.rollout().id());
    }

    List<AuditEvent> events(String type) {
        return events().stream().filter(e -> e.type().equals(type)).toList();
    }

    Duration at(AuditEvent e) {
        return Duration.between(start, e.at());
    }
}
