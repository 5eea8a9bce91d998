package dev.rampart.domain.rollout;

import java.time.Instant;

/**
 * One value the engine judged on: a metric of one cohort (or, with {@code cohort} null, of the stable population) at
 * one tick. {@code value} is the mean of what the metric source measured since the previous tick; it may be
 * {@code +Inf} or {@code -Inf} (readings that compare beyond every threshold) or {@code NaN}: no reading, because the
 * source had no finite answer.
 */
public record Reading(long rolloutId, Instant at, String cohort, String metric, double value) {

    /** Whether there was something to judge: anything but NaN (infinities compare with every threshold). */
    public boolean present() {
        return !Double.isNaN(value);
    }

    /** The stable population's reading. */
    public boolean stable() {
        return cohort == null;
    }
}
