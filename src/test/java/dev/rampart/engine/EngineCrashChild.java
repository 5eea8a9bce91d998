package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.store.Store;
import dev.rampart.spi.Notifier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Run in a child JVM by {@link EngineKillTest}: {@code URL WEIGHTS_FILE} starts a rollout on the store at URL and
 * ticks it on a virtual clock; the adapter hangs right after its second change, waiting to be killed.
 */
public final class EngineCrashChild {
    static final String REPLY = "child> ";

    private EngineCrashChild() {
    }

    public static void main(String[] args) {
        Store store = Store.open(args[0]);
        VirtualClock clock = new VirtualClock(DryRun.DEFAULT_START);
        EngineParts parts = parts(store, new FileWeightsAdapter(Path.of(args[1]), 2), clock);
        long planId = store.plans().add("REL-KILL-9", "checkout", "2.1.0", "olga", "{}", "test").id();
        RolloutEngine engine = RolloutEngine.start(rules(), planId, parts, "olga");
        System.out.println(REPLY + "rollout " + engine.rollout().id());
        System.out.flush();
        for (int minute = 0; minute <= 180; minute++) {
            clock.advanceTo(DryRun.DEFAULT_START.plus(Duration.ofMinutes(minute)));
            engine.tick();
        }
        System.out.println(REPLY + "finished without hanging");
    }

    static PlanRules rules() {
        return PlanRules.parse(Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m")));
    }

    static EngineParts parts(Store store, FileWeightsAdapter adapter, VirtualClock clock) {
        SimulatedFleet quiet = new SimulatedFleet(Scenario.quiet(1), DryRun.DEFAULT_START, clock);
        return new EngineParts(adapter, new SimulatorMetrics(quiet), Notifier.silent(), store.rollouts(),
                store.intents(), ApprovalBook.assumedWhenDue(), clock,
                EngineSettings.defaults());
    }
}
