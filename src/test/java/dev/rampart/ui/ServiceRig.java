package dev.rampart.ui;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.plan.Plan;
import dev.rampart.engine.Deployment;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.VirtualClock;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.keys.KeyFolder;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;
import dev.rampart.spi.Notifier;
import dev.rampart.store.Store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real rollout and access services on a real H2 file, with the simulator on a virtual clock. "mona" is the
 * store's admin and release owner; priya (product), sam (SRE, infrastructure) and erin (engineering, security)
 * enrolled keys of their own, all held in one key folder standing for their machines, each under the passphrase
 * {@value #PASSPHRASE}. UI tests drive time with {@link #minutes(int)}, which ticks every live rollout once per
 * simulated minute.
 */
public final class ServiceRig implements AutoCloseable {
    public static final String PASSPHRASE = "rampart-demo";
    public final VirtualClock clock = new VirtualClock(Instant.parse("2026-12-01T07:00:00Z"));
    public final Store store;
    public final AccessServices access;
    public final RolloutService service;
    private final PlanFormat format = new PlanFormat();

    public ServiceRig(Path folder) {
        store = Store.open("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), clock);
        access = AccessServices.on(store.people(), store.signatures(), store.rollouts(), store.plans(), store.audit(),
                clock, new KeyFolder(folder.resolve("keys"), 1));
        access.people().firstStart("mona");
        for (Person p : List.of(Person.of("priya", "Priya Raman", List.of(Role.PRODUCT)),
                Person.of("sam", "Sam Okafor", List.of(Role.SRE, Role.INFRASTRUCTURE)),
                Person.of("erin", "Erin Walsh", List.of(new Role("engineering"), Role.SECURITY)))) {
            access.people().add("mona", p.name(), p.displayName(), p.roles(), null);
            access.people().enrol(p.name(), PASSPHRASE.toCharArray(), false);
        }
        service = new RolloutService(store.plans(), store.rollouts(), store.intents(), access.approvals(),
                (plan, id, anchor) -> {
                    SimulatedFleet fleet = new SimulatedFleet(Scenario.quiet(7), anchor, clock);
                    SimulatorAdapter adapter = new SimulatorAdapter(fleet, clock::advance, Duration.ofSeconds(8));
                    return new Deployment("simulator", adapter, new SimulatorMetrics(fleet), Notifier.silent(), clock,
                            (cohort, metric, value) -> fleet.inject(new ScenarioEvent(
                                    Duration.between(anchor, clock.instant()), cohort, metric, value)));
                }, clock, EngineSettings.defaults(), format, access);
    }

    /** Stores the plan and starts a rollout of it as mona; returns the rollout id. Its preconditions gate the start. */
    public long start(Plan plan) {
        return service.start(store(plan), "mona").id();
    }

    /**
     * Stores the plan and starts a rollout of it as mona, with its preconditions signed by the demo people (they gate
     * the start), so that it enters its first stage at once; returns the rollout id.
     */
    public long startEntered(Plan plan) {
        long id = start(plan);
        if (!plan.preconditions().isEmpty()) {
            for (var item : plan.preconditions()) {
                if (!item.checkedByCommand()) {
                    String role = item.role() == null || item.role().isBlank() ? "sre" : item.role();
                    String signer = switch (role) {
                        case "product" -> "priya";
                        case "engineering", "security" -> "erin";
                        default -> "sam";
                    };
                    access.signatures().sign(new dev.rampart.engine.access.SignRequest(id, null, item.text(),
                            Role.of(role), "checked"), signer, PASSPHRASE.toCharArray());
                }
            }
            service.tick(id);
        }
        return id;
    }

    public long store(Plan plan) {
        return store.plans().add(plan.changeId(), plan.service(), plan.version(), plan.owner(),
                format.write(plan, Format.JSON), "test").id();
    }

    /** Lets {@code n} simulated minutes pass, ticking every live rollout after each. */
    public void minutes(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofMinutes(1));
            service.tickAll();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
