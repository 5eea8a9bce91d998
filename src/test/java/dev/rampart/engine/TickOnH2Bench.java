package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.plan.Stage;
import dev.rampart.spi.Notifier;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one tick of a running rollout costs on the default H2 file now that every tick stores its readings and reads
 * the store's new events, intents and readings: median and 95th percentile of 600 one-minute ticks (10 halt rules,
 * two cohorts on the new version), and what a new process pays to replay them (attach + its first tick).
 */
@Tag("bench")
class TickOnH2Bench {
    @TempDir
    Path dir;

    @Test
    void aTickAndAReplayOnH2() {
        try (Store store = Store.open(DataFolder.jdbcUrl(dir.resolve("db")))) {
            VirtualClock clock = new VirtualClock(DryRun.DEFAULT_START);
            SimulatedFleet fleet = new SimulatedFleet(Scenario.quiet(3), DryRun.DEFAULT_START, clock);
            EngineParts parts = new EngineParts(new SimulatorAdapter(fleet, clock::advance, Duration.ofSeconds(8)),
                    new SimulatorMetrics(fleet), Notifier.silent(), store.rollouts(), store.intents(),
                    ApprovalBook.assumedWhenDue(), clock, EngineSettings.defaults());
            List<Stage> stages = List.of(Stage.of("canary", 10, Duration.ofMinutes(30)),
                    Stage.of("25pct", 25, Duration.ofDays(1)), Stage.of("100pct", 100, null));
            PlanRules rules = PlanRules.parse(Plans.plan(stages, WeekDryRunBenchmark.TWENTY_RULES.subList(0, 10)));
            long planId = store.plans().add("REL-BENCH", "checkout", "2.1.0", "olga", "{}", "bench").id();
            RolloutEngine engine = RolloutEngine.start(rules, planId, parts, "olga");
            List<Long> micros = new ArrayList<>();
            for (int m = 0; m < 600; m++) {
                clock.advanceTo(DryRun.DEFAULT_START.plus(Duration.ofMinutes(m)));
                long t0 = System.nanoTime();
                engine.tick();
                micros.add((System.nanoTime() - t0) / 1000);
            }
            List<Long> steady = new ArrayList<>(micros.subList(100, micros.size()));
            Collections.sort(steady);
            long replay0 = System.nanoTime();
            RolloutEngine again = RolloutEngine.attach(rules, engine.rollout().id(), parts);
            clock.advance(Duration.ofMinutes(1));
            again.tick();
            long replay = (System.nanoTime() - replay0) / 1000;
            System.out.printf("tick on H2 (10 rules, 2 cohorts on the new version): median %.2f ms, p95 %.2f ms over"
                            + " %d ticks; attach + first tick of a new process: %.1f ms (state %s)%n",
                    steady.get(steady.size() / 2) / 1000.0, steady.get(steady.size() * 95 / 100) / 1000.0,
                    steady.size(), replay / 1000.0, again.rollout().state().wireName());
        }
    }
}
