package dev.rampart.app;

import dev.rampart.adapters.Plugins;
import dev.rampart.adapters.Redaction;
import dev.rampart.adapters.notify.Broadcast;
import dev.rampart.adapters.simulator.Delay;
import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.plan.AdapterSettings;
import dev.rampart.domain.plan.Notification;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.engine.Deployment;
import dev.rampart.engine.Deployments;
import dev.rampart.engine.ScaledClock;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Evidence;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.Notifier;
import dev.rampart.spi.NotifierProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The adapters a plan can name: the built-in simulator (deployment and metrics together, on a clock that may run
 * faster than the wall clock for the demo: {@code "adapter": {"type": "simulator", "settings": {"time_scale": 60}}}),
 * and every provider {@link Plugins} finds on the class path and in the plug-in folder. What adapters record as
 * evidence becomes {@code adapter.*} events of the rollout in the audit trail.
 */
public final class BuiltInDeployments implements Deployments {
    static final String SIMULATOR = "simulator";
    private final Clock wallClock;
    private final Plugins plugins;
    private final AuditLog audit;

    /** Adapters found on {@code classPath} and in {@code pluginFolder} (may be missing), keeping no evidence yet. */
    public BuiltInDeployments(Clock wallClock, ClassLoader classPath, java.nio.file.Path pluginFolder) {
        this(wallClock, Plugins.discover(classPath, pluginFolder), null);
    }

    /** @param audit where adapter evidence goes; null keeps none */
    public BuiltInDeployments(Clock wallClock, Plugins plugins, AuditLog audit) {
        this.wallClock = wallClock;
        this.plugins = plugins;
        this.audit = audit;
    }

    @Override
    public BuiltInDeployments filingEvidenceIn(AuditLog log) {
        return new BuiltInDeployments(wallClock, plugins, log);
    }

    @Override
    public Deployment open(Plan plan, long rolloutId, Instant anchor) {
        AdapterSettings adapter = plan.adapter() == null ? AdapterSettings.simulator() : plan.adapter();
        String metricSource = plan.metrics() == null || plan.metrics().source() == null
                ? SIMULATOR : plan.metrics().source();
        AtomicLong rollout = new AtomicLong(rolloutId);
        Notifier notifier = notifiers(plan, rollout);
        if (SIMULATOR.equals(adapter.type())) {
            return simulator(adapter.settings(), rolloutId, anchor, metricSource, notifier, rollout);
        }
        Evidence evidence = evidence(plan, rollout);
        DeploymentAdapter deploymentAdapter = create(adapter.type(), "adapter", () -> plugins
                .deploymentAdapter(adapter.type()).orElseThrow(() -> missing("adapter", adapter.type()))
                .create(context(plan, adapter.settings(), evidence)));
        Map<String, Object> metricSettings = new HashMap<>();
        if (plan.metrics() != null) {
            metricSettings.putAll(plan.metrics().settings());
            if (!plan.metrics().queries().isEmpty()) {
                metricSettings.put("queries", plan.metrics().queries());
            }
        }
        MetricSource metrics = create(metricSource, "metric source", () -> plugins.metricSource(metricSource)
                .orElseThrow(() -> missing("metric source", metricSource))
                .create(context(plan, metricSettings, evidence)));
        return new Deployment(adapter.type(), deploymentAdapter, metrics, notifier, wallClock, null, rollout::set);
    }

    private Deployment simulator(Map<String, Object> settings, long rolloutId, Instant anchor, String metricSource,
                                 Notifier notifier, AtomicLong rollout) {
        if (!SIMULATOR.equals(metricSource)) {
            throw new IllegalArgumentException("the simulator adapter measures its own fleet; metrics.source must be "
                    + "\"simulator\", not \"" + metricSource + "\"");
        }
        double scale = number(settings.get("time_scale"), 1, "adapter.settings.time_scale");
        long seed = (long) number(settings.get("seed"), rolloutId, "adapter.settings.seed");
        // A new rollout (id 0) is created while the clock holds still at the anchor; see ScaledClock.
        ScaledClock scaled = scale == 1 ? null : new ScaledClock(wallClock, anchor, scale);
        Clock clock = scaled == null ? wallClock : rolloutId == 0 ? scaled.held() : scaled;
        SimulatedFleet fleet = new SimulatedFleet(Scenario.quiet(seed), anchor, clock);
        // The simulated rollback takes 8 s of simulated time; on a faster clock that is a fraction of a second.
        Duration rollbackTime = Duration.ofMillis(Math.round(SimulatorAdapter.DEFAULT_ROLLBACK_TIME.toMillis() / scale));
        SimulatorAdapter adapter = new SimulatorAdapter(fleet, Delay.sleeping(), rollbackTime);
        Deployment.FaultInjector faults = (cohort, metric, value) -> fleet.inject(
                new ScenarioEvent(Duration.between(anchor, clock.instant()), cohort, metric, value));
        return new Deployment(SIMULATOR, adapter, new SimulatorMetrics(fleet), notifier, clock, faults, rollout::set);
    }

    /** The plan's Slack and webhook notifications; desktop ones are the console's to show. */
    private Notifier notifiers(Plan plan, AtomicLong rollout) {
        List<Notifier> found = new ArrayList<>();
        for (Notification n : plan.notifications()) {
            if ("desktop".equals(n.type())) {
                continue;
            }
            Map<String, Object> settings = new HashMap<>();
            if (n.target() != null) {
                settings.put("target", n.target());
            }
            if (!n.events().isEmpty()) {
                settings.put("events", n.events());
            }
            NotifierProvider provider = plugins.notifier(n.type())
                    .orElseThrow(() -> missing("notifier", n.type()));
            found.add(create(n.type(), "notifier", () -> provider.create(context(plan, settings, evidence(plan, rollout)))));
        }
        return found.isEmpty() ? Notifier.silent() : new Broadcast(found);
    }

    private AdapterContext context(Plan plan, Map<String, Object> settings, Evidence evidence) {
        return new AdapterContext(plan.service(), plan.version(), plan.previousVersion(), settings, wallClock,
                plan.changeId(), evidence);
    }

    /**
     * Adapter evidence for the audit trail, scrubbed of every secret the plan references (adapter, metric and
     * notification settings), whatever its key and whichever adapter recorded it.
     */
    private Evidence evidence(Plan plan, AtomicLong rollout) {
        if (audit == null) {
            return Evidence.discard();
        }
        Map<String, Object> referenced = new HashMap<>();
        if (plan.adapter() != null) {
            referenced.put("adapter", plan.adapter().settings());
        }
        if (plan.metrics() != null) {
            referenced.put("metrics", plan.metrics().settings());
        }
        referenced.put("notifications", plan.notifications().stream().map(n -> n.target() == null ? ""
                : (Object) n.target()).toList());
        Evidence trail = (action, details) -> audit.append(new NewEvent(rollout.get() == 0 ? null : rollout.get(),
                wallClock.instant(), "adapter." + action, "rampart", null, details));
        return Redaction.scrubbing(trail, Redaction.referencedSecrets(referenced, System::getenv));
    }

    private interface Creation<T> {
        T create() throws AdapterException;
    }

    private static <T> T create(String type, String what, Creation<T> creation) {
        try {
            return creation.create();
        } catch (AdapterException e) {
            throw new IllegalArgumentException("cannot set up the " + type + " " + what + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException missing(String what, String type) {
        return new IllegalArgumentException("no " + what + " of type \"" + type + "\" is installed");
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
