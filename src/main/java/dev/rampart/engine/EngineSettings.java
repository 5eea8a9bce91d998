package dev.rampart.engine;

import java.time.Duration;

/**
 * Engine knobs.
 *
 * @param circuitBreakerErrors consecutive adapter errors that trip the rollout's kill switch (default 3)
 * @param baselineSamples      how many recent samples of the stable population make the baseline's mean; the
 *                             last ones are kept once no stable population is left
 * @param sigmaSamples         how many recent stable samples make the standard deviation of sigma rules
 * @param minSamplesForSigma   stable samples needed before a standard deviation is trusted; sigma rules cannot
 *                             trip before that
 * @param firstWindow          the metric window of the first tick, when there is no previous tick to measure from
 * @param actor                the name the engine signs its own events with
 * @param adapterTimeout       how long a changing adapter call may take before the engine stops waiting and
 *                             treats its effect as unknown (reconciled at the next tick); null waits for ever and
 *                             calls on the ticking thread, as dry runs do
 */
public record EngineSettings(int circuitBreakerErrors, int baselineSamples, int sigmaSamples,
                             int minSamplesForSigma,
                             Duration firstWindow, String actor, Duration adapterTimeout) {

    public static EngineSettings defaults() {
        return new EngineSettings(3, 30, 120, 30, Duration.ofMinutes(1), "rampart", null);
    }

    /** For the wall clock (the agent, the console): adapter calls time out after two minutes. */
    public static EngineSettings wallClock() {
        return defaults().withAdapterTimeout(Duration.ofMinutes(2));
    }

    public EngineSettings withAdapterTimeout(Duration timeout) {
        return new EngineSettings(circuitBreakerErrors, baselineSamples, sigmaSamples, minSamplesForSigma,
                firstWindow, actor, timeout);
    }
}
