package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.spi.Notifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Runs a plan against the simulator on a virtual clock with the real {@link RolloutEngine}: hours of rollout in
 * milliseconds. Sign-offs and decisions count as given the moment they are due ({@code signoff.assumed}).
 * The store is in memory; nothing is written anywhere.
 *
 * <pre>{@code
 * DryRunResult r = DryRun.run(plan, Scenario.parse(SourceDocument.read(path).tree()));
 * r.timeline().forEach(System.out::println);   // or r.toJson() for --json
 * }</pre>
 */
public final class DryRun {
    /** Where virtual time starts when the plan has no schedule. */
    public static final Instant DEFAULT_START = LocalDateTime.of(2026, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Set<String> QUIET = Set.of("adapter.reconciled");

    private DryRun() {
    }

    /** Parses the plan's rules and runs it. @throws dev.rampart.domain.rule.RuleSyntaxException for a bad rule */
    public static DryRunResult run(Plan plan, Scenario scenario) {
        return run(PlanRules.parse(plan), scenario);
    }

    /** Runs until the rollout ends or {@link #horizon} has passed on the virtual clock. */
    public static DryRunResult run(PlanRules rules, Scenario scenario) {
        return run(rules, scenario, horizon(rules.plan()));
    }

    public static DryRunResult run(PlanRules rules, Scenario scenario, Duration horizon) {
        Instant start = new FreezeCalendar(rules.plan().schedule()).startAt(DEFAULT_START);
        VirtualClock clock = new VirtualClock(start);
        SimulatedFleet fleet = new SimulatedFleet(scenario, start, clock);
        MemoryRollouts rollouts = new MemoryRollouts();
        EngineParts parts = new EngineParts(
                new SimulatorAdapter(fleet, clock::advance, SimulatorAdapter.DEFAULT_ROLLBACK_TIME),
                new SimulatorMetrics(fleet), Notifier.silent(), rollouts, new MemoryIntents(),
                ApprovalBook.assumedWhenDue(), clock, EngineSettings.defaults());
        RolloutEngine engine = RolloutEngine.start(rules, 0, parts, "dry-run");
        Rollout r = engine.rollout();
        Instant end = start.plus(horizon);
        for (long n = 0; !r.state().isFinal(); n++) {
            Instant t = start.plus(scenario.tick().multipliedBy(n));
            if (t.isAfter(end)) {
                break;
            }
            clock.advanceTo(t);
            r = engine.tick();
        }
        return result(r, rollouts.events(r.id()), start, clock.instant());
    }

    /** Every stage's min_duration and go/no-go delay, every freeze window, and a week to spare. */
    public static Duration horizon(Plan plan) {
        Duration d = Duration.ofDays(7);
        for (Stage s : plan.stages()) {
            d = d.plus(s.minDurationOrZero());
            if (s.decision() != null && s.decision().after() != null) {
                d = d.plus(s.decision().after());
            }
        }
        if (plan.schedule() != null) {
            for (FreezeWindow w : plan.schedule().freezeWindows()) {
                d = d.plus(Duration.between(w.from(), w.to()));
            }
        }
        return d;
    }

    private static DryRunResult result(Rollout r, List<AuditEvent> events, Instant start, Instant end) {
        List<TimelineEvent> timeline = events.stream().filter(e -> !QUIET.contains(e.type()))
                .map(e -> new TimelineEvent(Duration.between(start, e.at()), e.type(), e.stage(), e.data()))
                .toList();
        Double rollbackTime = last(events, "rollback_time_seconds");
        Double errorRate = last(events, "error_rate_during_rollout");
        return new DryRunResult(r.state().wireName(), rollbackTime, errorRate, Duration.between(start, end),
                timeline);
    }

    private static Double last(List<AuditEvent> events, String key) {
        Double v = null;
        for (AuditEvent e : events) {
            if (e.data().containsKey(key)) {
                v = Double.valueOf(e.data().get(key));
            }
        }
        return v;
    }
}
