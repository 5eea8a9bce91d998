package dev.rampart.domain.rule;

/**
 * The right-hand side of a condition. Absolute thresholds are stored in the metric's own unit
 * (fractions for rates and capacities, milliseconds for latencies and web vitals); relative ones
 * are resolved against the baseline (the stable population over the same window) by the engine.
 */
public sealed interface Threshold {

    /** {@code 2pct}, {@code 1%}, {@code 2500ms}, {@code 2s}, {@code 0.1}; {@code value} is in the metric's unit. */
    record Absolute(double value, Unit unit) implements Threshold {
    }

    /** {@code 5x baseline}. */
    record BaselineMultiple(double factor) implements Threshold {
    }

    /** {@code baseline+30%} or {@code baseline-10pct}: {@code percent} carries the sign. */
    record BaselineRelative(double percent) implements Threshold {
    }

    /** {@code baseline+0.5pp}: absolute percentage points, {@code points} carries the sign. */
    record BaselinePoints(double points) implements Threshold {
    }

    /** {@code p95+30pct}: the baseline's {@code percentile} raised (or lowered) by {@code percent}. */
    record BaselinePercentile(int percentile, double percent) implements Threshold {
    }

    /** {@code 3sigma}: above the baseline mean by this many standard deviations. */
    record Sigma(double sigmas) implements Threshold {
    }

    /** The unit written after an absolute number. */
    enum Unit {
        NONE(""), PERCENT("%"), PCT("pct"), MILLIS("ms"), SECONDS("s");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
