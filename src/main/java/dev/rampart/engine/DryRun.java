package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioSwitch;
import dev.rampart.adapters.simulator.SimulatedCommands;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.spi.Notifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * Ticks until the rollout ends or {@code horizon} has passed. A completed rollout is watched on while the
     * scenario still has something scripted ahead (and a window's length after it), within the plan's watch.
     * Scenario restarts discard the engine and rebuild it from the (in-memory) store alone; scenario switch events
     * are kill switches turned by a person.
     */
    public static DryRunResult run(PlanRules rules, Scenario scenario, Duration horizon) {
        Instant start = new FreezeCalendar(rules.plan().schedule()).startAt(DEFAULT_START);
        VirtualClock clock = new VirtualClock(start);
        SimulatedFleet fleet = new SimulatedFleet(scenario, start, clock);
        MemoryRollouts rollouts = new MemoryRollouts();
        EngineParts parts = new EngineParts(
                new SimulatorAdapter(fleet, clock::advance, SimulatorAdapter.DEFAULT_ROLLBACK_TIME),
                new SimulatorMetrics(fleet), Notifier.silent(), rollouts, new MemoryIntents(),
                ApprovalBook.assumedWhenDue(), clock, EngineSettings.defaults(), new SimulatedCommands(fleet));
        RolloutEngine engine = RolloutEngine.start(rules, 0, parts, "dry-run");
        Rollout r = engine.rollout();
        Instant end = start.plus(horizon);
        Instant scriptedUntil = start.plus(scenario.lastScripted()).plus(Judge.lookback(rules))
                .plus(scenario.tick());
        List<Duration> restarts = new ArrayList<>(scenario.restarts());
        List<ScenarioSwitch> switches = new ArrayList<>(scenario.switches());
        List<TimelineEvent> marks = new ArrayList<>();
        for (long n = 0; going(r, engine, clock.instant(), scriptedUntil); n++) {
            Instant t = start.plus(scenario.tick().multipliedBy(n));
            if (t.isAfter(end)) {
                break;
            }
            clock.advanceTo(t);
            while (!restarts.isEmpty() && !start.plus(restarts.get(0)).isAfter(t)) {
                Duration at = restarts.remove(0);
                engine = RolloutEngine.attach(rules, r.id(), parts);
                marks.add(new TimelineEvent(at, "engine.restarted", null,
                        Map.of("note", "engine discarded and rebuilt from the store alone")));
            }
            while (!switches.isEmpty() && !start.plus(switches.get(0).at()).isAfter(t)) {
                ScenarioSwitch w = switches.remove(0);
                try {
                    engine.setKillSwitch(w.cohort(), w.enabled(), "dry-run");
                } catch (RuntimeException refused) {
                    marks.add(new TimelineEvent(w.at(), "killswitch.refused", w.cohort(),
                            Map.of("error", String.valueOf(refused.getMessage()))));
                }
            }
            r = engine.tick();
        }
        return result(r, rollouts.events(r.id()), marks, start, clock.instant());
    }

    private static boolean going(Rollout r, RolloutEngine engine, Instant now, Instant scriptedUntil) {
        if (!r.state().isFinal()) {
            return true;
        }
        return r.state() == RolloutState.COMPLETED && engine.watched(now) && now.isBefore(scriptedUntil);
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

    private static DryRunResult result(Rollout r, List<AuditEvent> events, List<TimelineEvent> marks, Instant start,
                                       Instant end) {
        List<TimelineEvent> timeline = new ArrayList<>(events.stream().filter(e -> !QUIET.contains(e.type()))
                .map(e -> new TimelineEvent(Duration.between(start, e.at()), e.type(), e.stage(), e.data()))
                .toList());
        for (TimelineEvent m : marks) {
            int at = 0;
            while (at < timeline.size() && timeline.get(at).at().compareTo(m.at()) <= 0) {
                at++;
            }
            timeline.add(at, m);
        }
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
