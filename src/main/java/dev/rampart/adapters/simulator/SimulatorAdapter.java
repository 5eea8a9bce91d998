package dev.rampart.adapters.simulator;

import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ChangeKind;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated fleet as a {@link DeploymentAdapter}. Traffic shifts take effect at once; a rollback redeploys
 * the previous version and so takes {@code rollbackTime} (passed through {@link Delay}), and it performs the plan's
 * rollback steps too ({@link #STEP_TIME} each), so dry runs show them. Repeated idempotency keys return the first
 * outcome without acting again, and the fleet outlives an engine restart, so repeating a change is harmless. Every
 * call fails while the scenario has the adapter out.
 */
public final class SimulatorAdapter implements DeploymentAdapter {
    /** How long a simulated rollback takes unless told otherwise. */
    public static final Duration DEFAULT_ROLLBACK_TIME = Duration.ofSeconds(8);

    private final SimulatedFleet fleet;
    private final Delay delay;
    private final Duration rollbackTime;
    /** How long a simulated rollback step takes. */
    public static final Duration STEP_TIME = Duration.ofSeconds(5);
    private final Map<String, TrafficSplit> done = new ConcurrentHashMap<>();

    public SimulatorAdapter(SimulatedFleet fleet, Delay delay, Duration rollbackTime) {
        this.fleet = fleet;
        this.delay = delay;
        this.rollbackTime = rollbackTime;
    }

    @Override
    public TrafficSplit applyTraffic(TrafficSplit desired, String idempotencyKey) throws AdapterException {
        return once(idempotencyKey, () -> desired, Duration.ZERO);
    }

    @Override
    public TrafficSplit promote(String idempotencyKey) throws AdapterException {
        return once(idempotencyKey, TrafficSplit::everyone, Duration.ZERO);
    }

    @Override
    public TrafficSplit rollback(String idempotencyKey) throws AdapterException {
        return once(idempotencyKey, TrafficSplit::none, rollbackTime);
    }

    @Override
    public boolean performsRollbackSteps() {
        return true;
    }

    @Override
    public void rollbackStep(RollbackStep step, String idempotencyKey) throws AdapterException {
        once(idempotencyKey, () -> {
            fleet.performed(step.kind() + ": " + step.name());
            return fleet.weights();
        }, STEP_TIME);
    }

    @Override
    public boolean harmlessToRepeat(ChangeKind kind) {
        return true;
    }

    @Override
    public Health health() throws AdapterException {
        failIfInjected();
        return Health.healthy("simulated fleet, " + fleet.weights().newVersionPercent() + "% on the new version");
    }

    @Override
    public TrafficSplit currentWeights() throws AdapterException {
        failIfInjected();
        return fleet.weights();
    }

    private TrafficSplit once(String key, java.util.function.Supplier<TrafficSplit> target, Duration takes)
            throws AdapterException {
        TrafficSplit earlier = done.get(key);
        if (earlier != null) {
            return earlier;
        }
        failIfInjected();
        if (!takes.isZero()) {
            delay.pass(takes);
        }
        TrafficSplit split = target.get();
        fleet.setWeights(split);
        done.put(key, split);
        return split;
    }

    private void failIfInjected() throws AdapterException {
        if (fleet.out(ScenarioFault.ADAPTER, fleet.now())) {
            throw new AdapterException("simulated adapter outage: every adapter call fails");
        }
        if (fleet.takeFailure()) {
            throw new AdapterException("simulated adapter failure: " + fleet.failureMessage());
        }
    }
}
