package dev.rampart.app;

import dev.rampart.adapters.simulator.Delay;
import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.plan.AdapterSettings;
import dev.rampart.domain.plan.Plan;
import dev.rampart.engine.Deployment;
import dev.rampart.engine.Deployments;
import dev.rampart.engine.ScaledClock;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.DeploymentAdapterProvider;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.MetricSourceProvider;
import dev.rampart.spi.Notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The adapters a plan can name: the built-in simulator (deployment and metrics together, on a clock that may run
 * faster than the wall clock for the demo: {@code "adapter": {"type": "simulator", "settings": {"time_scale": 60}}}),
 * and every {@link DeploymentAdapterProvider} and {@link MetricSourceProvider} found with ServiceLoader.
 */
public final class BuiltInDeployments implements Deployments {
    static final String SIMULATOR = "simulator";
    private final Clock wallClock;
    private final ClassLoader plugins;

    public BuiltInDeployments(Clock wallClock, ClassLoader plugins) {
        this.wallClock = wallClock;
        this.plugins = plugins;
    }

    @Override
    public Deployment open(Plan plan, long rolloutId, Instant anchor) {
        AdapterSettings adapter = plan.adapter() == null ? AdapterSettings.simulator() : plan.adapter();
        String metricSource = plan.metrics() == null || plan.metrics().source() == null
                ? SIMULATOR : plan.metrics().source();
        if (SIMULATOR.equals(adapter.type())) {
            return simulator(plan, adapter.settings(), rolloutId, anchor, metricSource);
        }
        Clock clock = wallClock;
        AdapterContext context = new AdapterContext(plan.service(), plan.version(), plan.previousVersion(),
                adapter.settings(), clock);
        DeploymentAdapter deploymentAdapter = create(DeploymentAdapterProvider.class, adapter.type(), context);
        MetricSource metrics = create(MetricSourceProvider.class, metricSource, new AdapterContext(plan.service(),
                plan.version(), plan.previousVersion(), plan.metrics() == null ? Map.of() : plan.metrics().settings(),
                clock));
        return new Deployment(adapter.type(), deploymentAdapter, metrics, Notifier.silent(), clock, null);
    }

    private Deployment simulator(Plan plan, Map<String, Object> settings, long rolloutId, Instant anchor,
                                 String metricSource) {
        if (!SIMULATOR.equals(metricSource)) {
            throw new IllegalArgumentException("the simulator adapter measures its own fleet; metrics.source must be "
                    + "\"simulator\", not \"" + metricSource + "\"");
        }
        double scale = number(settings.get("time_scale"), 1, "adapter.settings.time_scale");
        long seed = (long) number(settings.get("seed"), rolloutId, "adapter.settings.seed");
        // A new rollout (id 0) is created while the clock holds still at the anchor; see ScaledClock.
        Clock clock = scale == 1 ? wallClock
                : rolloutId == 0 ? new ScaledClock(wallClock, anchor, scale).held() : new ScaledClock(wallClock, anchor, scale);
        SimulatedFleet fleet = new SimulatedFleet(Scenario.quiet(seed), anchor, clock);
        // The simulated rollback takes 8 s of simulated time; on a faster clock that is a fraction of a second.
        Duration rollbackTime = Duration.ofMillis(Math.round(SimulatorAdapter.DEFAULT_ROLLBACK_TIME.toMillis() / scale));
        SimulatorAdapter adapter = new SimulatorAdapter(fleet, Delay.sleeping(), rollbackTime);
        Deployment.FaultInjector faults = (cohort, metric, value) -> fleet.inject(
                new ScenarioEvent(Duration.between(anchor, clock.instant()), cohort, metric, value));
        return new Deployment(SIMULATOR, adapter, new SimulatorMetrics(fleet), Notifier.silent(), clock, faults);
    }

    /** The types a plan may name for {@code adapter.type}, the simulator first. */
    public List<String> adapterTypes() {
        List<String> types = new ArrayList<>(List.of(SIMULATOR));
        ServiceLoader.load(DeploymentAdapterProvider.class, plugins).forEach(p -> types.add(p.type()));
        return types;
    }

    private <P> Object createRaw(Class<P> kind, String type, AdapterContext context) throws AdapterException {
        for (P provider : ServiceLoader.load(kind, plugins)) {
            if (provider instanceof DeploymentAdapterProvider d && d.type().equals(type)) {
                return d.create(context);
            }
            if (provider instanceof MetricSourceProvider m && m.type().equals(type)) {
                return m.create(context);
            }
        }
        throw new IllegalArgumentException("no " + (kind == DeploymentAdapterProvider.class ? "adapter" : "metric source")
                + " of type \"" + type + "\" is installed");
    }

    @SuppressWarnings("unchecked")
    private <T, P> T create(Class<P> kind, String type, AdapterContext context) {
        try {
            return (T) createRaw(kind, type, context);
        } catch (AdapterException e) {
            throw new IllegalArgumentException("cannot set up " + type + ": " + e.getMessage(), e);
        }
    }

    private static double number(Object value, double fallback, String where) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(where + ": expected a number, not \"" + value + "\"");
    }
}
