package dev.rampart.adapters.simulator;

import dev.rampart.domain.rule.Metrics;
import dev.rampart.spi.TrafficSplit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A simulated fleet running the previous and the new version of a service. Each metric of each cohort is its
 * scenario baseline, replaced by scripted events while they hold, scaled by load for {@code cpu} and
 * {@code memory}, and jittered by seeded noise. A cohort that is not on the new version is the stable population.
 * Samples fall on a grid of the scenario's tick from {@code start}, so the same scenario and seed always measure
 * the same values, whatever order they are read in.
 */
public final class SimulatedFleet {
    /** Noise is uniform within ± this fraction of the value: bounded, so quiet runs do not trip 3-sigma rules. */
    static final double NOISE = 0.05;

    private final Scenario scenario;
    private final Instant start;
    private final Clock clock;
    private final FaultScript script = new FaultScript();
    private volatile TrafficSplit weights = TrafficSplit.none();
    private volatile double newVersionPercent;
    private volatile int failuresToInject;
    private volatile String failureMessage = "";

    public SimulatedFleet(Scenario scenario, Instant start, Clock clock) {
        this.scenario = scenario;
        this.start = start;
        this.clock = clock;
        scenario.events().forEach(script::add);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Instant start() {
        return start;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether the scenario has {@code what} ("metrics" or "adapter") out at {@code at}. */
    public boolean out(String what, Instant at) {
        Duration offset = Duration.between(start, at);
        return scenario.faults().stream().anyMatch(f -> f.covers(offset, what));
    }

    private final java.util.List<String> performedSteps = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Rollback steps the simulated fleet performed, in order ("application: Re-deploy the previous image"). */
    public java.util.List<String> performedSteps() {
        return java.util.List.copyOf(performedSteps);
    }

    void performed(String step) {
        performedSteps.add(step);
    }

    /** Adds a fault while the simulation runs: from {@code event.at()}, the cohort's metric is the value. */
    public void inject(ScenarioEvent event) {
        script.add(event);
    }

    /** The next {@code calls} adapter calls fail with {@code message} (for circuit-breaker drills). */
    public void failNextAdapterCalls(int calls, String message) {
        this.failureMessage = message;
        this.failuresToInject = calls;
    }

    /** Consumes one injected failure; true when this call must fail. */
    synchronized boolean takeFailure() {
        if (failuresToInject <= 0) {
            return false;
        }
        failuresToInject--;
        return true;
    }

    String failureMessage() {
        return failureMessage;
    }

    public TrafficSplit weights() {
        return weights;
    }

    void setWeights(TrafficSplit split) {
        this.newVersionPercent = split.newVersionPercent();
        this.weights = split;
    }

    /** The share of traffic on the new version, in percent. */
    double newVersionPercent() {
        return newVersionPercent;
    }

    /** The value of {@code metric} for {@code cohort} (or {@link Scenario#STABLE}) measured at {@code at}. */
    public double value(String cohort, String metric, Instant at) {
        TrafficSplit w = weights;
        boolean onNew = !Scenario.STABLE.equals(cohort) && w.onNewVersion(cohort);
        String population = onNew ? cohort : Scenario.STABLE;
        Duration offset = Duration.between(start, at);
        Double scripted = script.valueAt(population, metric, offset);
        if (scripted != null && !Double.isFinite(scripted)) {
            return scripted; // NaN, +Inf and -Inf reach the engine as the source would send them
        }
        double base = scripted != null ? scripted : scenario.baseline().getOrDefault(metric, 0.0);
        double load = (onNew ? newVersionPercent : 100 - newVersionPercent) / 100;
        if (scripted == null && Metrics.CPU.equals(metric)) {
            base *= 0.7 + 0.6 * load;
        } else if (scripted == null && Metrics.MEMORY.equals(metric)) {
            base *= 0.85 + 0.3 * load;
        }
        double v = base * (1 + NOISE * (2 * noise(population, metric, at) - 1));
        return Metrics.FRACTIONS.contains(metric) ? Math.min(1, Math.max(0, v)) : Math.max(0, v);
    }

    /** Uniform in [0, 1), a function of the seed, the population, the metric and the instant only. */
    private double noise(String population, String metric, Instant at) {
        long mixed = scenario.seed() * 0x9E3779B97F4A7C15L + population.hashCode() * 0xBF58476D1CE4E5B9L
                + metric.hashCode() * 0x94D049BB133111EBL + at.toEpochMilli();
        return new SplittableRandom(mixed).nextDouble();
    }

    Instant now() {
        return clock.instant();
    }
}
