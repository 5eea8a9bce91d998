package dev.rampart.spi;

import java.time.Instant;

/**
 * One measured value of one metric, in the metric's own unit (fractions for rates and capacities, milliseconds for
 * latencies and web vitals, unitless for {@code cls_p95}).
 *
 * @param at    the end of the interval the value describes
 * @param value the value; {@code +Inf} and {@code -Inf} are readings (a quantile above the top histogram bucket is
 *              {@code +Inf}, and compares greater than every threshold); {@code NaN} is no reading (no traffic) and
 *              counts toward a monitoring gap like a missing sample
 */
public record Sample(Instant at, double value) {
}
