package dev.rampart.ui;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.engine.ApprovalBook;
import dev.rampart.engine.Deployment;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.VirtualClock;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;
import dev.rampart.spi.Notifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real rollout service in memory: the engine, the simulator on a virtual clock, no store. UI tests drive time
 * with {@link #minutes(int)}, which ticks every live rollout once per simulated minute.
 */
public final class ServiceRig {
    public final VirtualClock clock = new VirtualClock(Instant.parse("2026-12-01T07:00:00Z"));
    public final MemoryRollouts rollouts = new MemoryRollouts();
    public final MemoryPlans plans = new MemoryPlans(clock);
    public final RolloutService service;
    private final PlanFormat format = new PlanFormat();

    public ServiceRig() {
        ApprovalBook everyoneSigned = ApprovalBook.assumedWhenDue();
        service = new RolloutService(plans, rollouts, new MemoryIntents(), everyoneSigned, (plan, id, anchor) -> {
            SimulatedFleet fleet = new SimulatedFleet(Scenario.quiet(7), anchor, clock);
            SimulatorAdapter adapter = new SimulatorAdapter(fleet, clock::advance, Duration.ofSeconds(8));
            return new Deployment("simulator", adapter, new SimulatorMetrics(fleet), Notifier.silent(), clock,
                    (cohort, metric, value) -> fleet.inject(new ScenarioEvent(Duration.between(anchor, clock.instant()),
                            cohort, metric, value)));
        }, clock, EngineSettings.defaults(), format);
    }

    /** Stores the plan and starts a rollout of it; returns the rollout id. */
    public long start(Plan plan) {
        StoredPlan stored = plans.add(plan.changeId(), plan.service(), plan.version(), plan.owner(),
                format.write(plan, Format.JSON), "test");
        return service.start(stored.id(), "mona").id();
    }

    /** Lets {@code n} simulated minutes pass, ticking every live rollout after each. */
    public void minutes(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofMinutes(1));
            service.tickAll();
        }
    }

    /** Plans in a list. */
    public static final class MemoryPlans implements PlanRepository {
        private final List<StoredPlan> plans = new ArrayList<>();
        private final VirtualClock clock;

        MemoryPlans(VirtualClock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized StoredPlan add(String changeId, String service, String version, String owner, String json,
                                           String source) {
            StoredPlan p = new StoredPlan(plans.size() + 1, changeId, service, version, owner, json, "sha", source,
                    clock.instant());
            plans.add(0, p);
            return p;
        }

        @Override
        public synchronized Optional<StoredPlan> find(long id) {
            return plans.stream().filter(p -> p.id() == id).findFirst();
        }

        @Override
        public synchronized Optional<StoredPlan> findByChangeId(String changeId) {
            return plans.stream().filter(p -> p.changeId().equals(changeId)).findFirst();
        }

        @Override
        public synchronized List<StoredPlan> list() {
            return List.copyOf(plans);
        }
    }
}
