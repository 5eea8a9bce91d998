package dev.rampart.domain.rule;

import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/** Turns a condition's threshold into a number in the metric's unit, given the baseline. */
public final class Thresholds {
    private Thresholds() {
    }

    /**
     * The threshold value for {@code condition}, or empty when it is relative and the baseline lacks the metric.
     */
    public static OptionalDouble resolve(Condition condition, Baseline baseline) {
        String metric = condition.metric();
        Threshold t = condition.threshold();
        if (t instanceof Threshold.Absolute a) {
            return OptionalDouble.of(a.value());
        } else if (t instanceof Threshold.BaselineMultiple m) {
            return map(baseline.mean(metric), b -> b * m.factor());
        } else if (t instanceof Threshold.BaselineRelative r) {
            return map(baseline.mean(metric), b -> b * (1 + r.percent() / 100));
        } else if (t instanceof Threshold.BaselinePoints p) {
            return map(baseline.mean(metric), b -> b + p.points() / 100);
        } else if (t instanceof Threshold.BaselinePercentile p) {
            return map(baseline.mean(percentileSibling(metric, p.percentile())), b -> b * (1 + p.percent() / 100));
        } else if (t instanceof Threshold.Sigma s) {
            OptionalDouble mean = baseline.mean(metric);
            OptionalDouble sd = baseline.stddev(metric);
            return mean.isPresent() && sd.isPresent()
                    ? OptionalDouble.of(mean.getAsDouble() + s.sigmas() * sd.getAsDouble())
                    : OptionalDouble.empty();
        }
        throw new IllegalArgumentException("unknown threshold " + t);
    }

    /** {@code latency_p99} with percentile 95 is {@code latency_p95}; a name with no percentile gains one. */
    public static String percentileSibling(String metric, int percentile) {
        String family = metric.replaceFirst("_p\\d+$", "");
        return family + "_p" + percentile;
    }

    private static OptionalDouble map(OptionalDouble v, DoubleUnaryOperator f) {
        return v.isPresent() ? OptionalDouble.of(f.applyAsDouble(v.getAsDouble())) : OptionalDouble.empty();
    }
}
