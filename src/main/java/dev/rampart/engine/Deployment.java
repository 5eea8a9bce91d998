package dev.rampart.engine;

import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.Notifier;

import java.time.Clock;
import java.util.function.LongConsumer;

/**
 * The adapters one rollout works with, and the clock its engine runs on (the wall clock, or the demo simulator's
 * faster one). {@code faults} is present only where faults can be injected (the simulator), so the console offers
 * "inject a fault" for the demo and nowhere else. {@code onRollout} learns the id of a new rollout once it exists,
 * so that what the adapters record as evidence is filed under it.
 */
public record Deployment(String type, DeploymentAdapter adapter, MetricSource metrics, Notifier notifier,
                         Clock clock, FaultInjector faults, LongConsumer onRollout) {

    public Deployment {
        onRollout = onRollout == null ? id -> { } : onRollout;
    }

    /** A deployment that does not need to know its rollout's id. */
    public Deployment(String type, DeploymentAdapter adapter, MetricSource metrics, Notifier notifier, Clock clock,
                      FaultInjector faults) {
        this(type, adapter, metrics, notifier, clock, faults, null);
    }

    /** Scripts what a simulated service does next: {@code metric} of {@code cohort} holds {@code value} from now. */
    @FunctionalInterface
    public interface FaultInjector {
        void inject(String cohort, String metric, double value);
    }
}
