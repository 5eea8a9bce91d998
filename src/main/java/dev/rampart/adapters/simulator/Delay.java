package dev.rampart.adapters.simulator;

import java.time.Duration;

/** Lets simulated work take time: on a virtual clock it advances the clock, on the wall clock it sleeps. */
@FunctionalInterface
public interface Delay {
    void pass(Duration duration);

    /** Sleeps on the wall clock. */
    static Delay sleeping() {
        return d -> {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
