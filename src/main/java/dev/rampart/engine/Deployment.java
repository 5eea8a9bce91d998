package dev.rampart.engine;

import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.Notifier;

import java.time.Clock;

/**
 * The adapters one rollout works with, and the clock its engine runs on (the wall clock, or the demo simulator's
 * faster one). {@code faults} is present only where faults can be injected (the simulator), so the console offers
 * "inject a fault" for the demo and nowhere else.
 */
public record Deployment(String type, DeploymentAdapter adapter, MetricSource metrics, Notifier notifier,
                         Clock clock, FaultInjector faults) {

    /** Scripts what a simulated service does next: {@code metric} of {@code cohort} holds {@code value} from now. */
    @FunctionalInterface
    public interface FaultInjector {
        void inject(String cohort, String metric, double value);
    }
}
