package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.Notifier;
import dev.rampart.spi.TrafficSplit;
import dev.rampart.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Run in a child JVM, again and again, by {@link RandomKillTest}: {@code URL WEIGHTS_FILE} starts the rollout (first
 * run) or attaches to it (every later run), and ticks it on a virtual clock that carries on from the last recorded
 * event, a little slowly so that kill -9 lands anywhere, inside adapter calls too. The deployment system keeps its
 * weights, and the key of every change that took effect, in one file replaced atomically: what the parent counts.
 */
public final class RandomKillChild {
    private RandomKillChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Store store = Store.open(args[0])) {
            List<Rollout> existing = store.rollouts().list();
            Path clockFile = Path.of(args[1] + ".clock");
            Instant lastEvent = existing.isEmpty() ? DryRun.DEFAULT_START : store.rollouts().events(existing.get(0).id())
                    .stream().map(AuditEvent::at).max(Comparator.naturalOrder()).orElse(DryRun.DEFAULT_START);
            Instant lastTick = Files.exists(clockFile) ? Instant.parse(Files.readString(clockFile)) : lastEvent;
            VirtualClock clock = new VirtualClock(lastTick.isAfter(lastEvent) ? lastTick : lastEvent);
            DeploymentAdapter adapter = new Slow(new FileWeightsAdapter(Path.of(args[1]), 0));
            SimulatedFleet quiet = new SimulatedFleet(Scenario.quiet(1), DryRun.DEFAULT_START, clock);
            EngineParts parts = new EngineParts(adapter, new SimulatorMetrics(quiet), Notifier.silent(),
                    store.rollouts(), store.intents(), ApprovalBook.assumedWhenDue(), clock, EngineSettings.defaults());
            RolloutEngine engine;
            if (existing.isEmpty()) {
                long planId = store.plans().add("REL-KILL-9", "checkout", "2.1.0", "olga", "{}", "test").id();
                engine = RolloutEngine.start(EngineCrashChild.rules(), planId, parts, "olga");
            } else {
                engine = RolloutEngine.attach(EngineCrashChild.rules(), existing.get(0).id(), parts);
            }
            System.out.println("ready");
            System.out.flush();
            Rollout r = engine.rollout();
            while (!r.state().isFinal()) {
                clock.advance(Duration.ofMinutes(1));
                r = engine.tick();
                // virtual time carries on in the next process from the last tick this one finished
                Path tmp = Path.of(clockFile + ".tmp");
                Files.writeString(tmp, clock.instant().toString());
                Files.move(tmp, clockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                System.out.println("tick " + clock.instant());
                System.out.flush();
                Thread.sleep(4);
            }
            System.out.println("done " + r.state().wireName());
        }
    }

    /** Takes a moment to confirm each change, so that a kill may land between the effect and its recorded outcome. */
    private record Slow(FileWeightsAdapter inner) implements DeploymentAdapter {
        @Override
        public TrafficSplit applyTraffic(TrafficSplit desired, String key) {
            return pause(inner.applyTraffic(desired, key));
        }

        @Override
        public TrafficSplit promote(String key) {
            return pause(inner.promote(key));
        }

        @Override
        public TrafficSplit rollback(String key) {
            return pause(inner.rollback(key));
        }

        @Override
        public Health health() {
            return inner.health();
        }

        @Override
        public TrafficSplit currentWeights() throws AdapterException {
            return inner.currentWeights();
        }

        private static TrafficSplit pause(TrafficSplit confirmed) {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return confirmed;
        }
    }
}
