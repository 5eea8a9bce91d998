package dev.rampart.adapters.prometheus;

import java.time.Duration;
import java.time.Instant;

/**
 * The instants of one {@code query_range}: ending at {@code to}, {@code step} apart, all after {@code from}, and
 * never more than {@value #MAX_POINTS} of them (Prometheus refuses more than 11,000 points per series).
 */
record QueryStep(Instant start, Instant end, Duration step) {
    static final int MAX_POINTS = 11_000;

    static QueryStep between(Instant from, Instant to, Duration minimum) {
        long range = Math.max(1, Duration.between(from, to).toMillis());
        long step = Math.max(Math.max(1, minimum.toMillis()), ceilDiv(range, MAX_POINTS - 1));
        long intervals = (range - 1) / step;
        return new QueryStep(to.minusMillis(intervals * step), to, Duration.ofMillis(step));
    }

    long points() {
        return Duration.between(start, end).toMillis() / step.toMillis() + 1;
    }

    static String seconds(Instant t) {
        return t.getEpochSecond() + "." + String.format("%03d", t.getNano() / 1_000_000);
    }

    String stepSeconds() {
        return step.toMillis() / 1000 + "." + String.format("%03d", step.toMillis() % 1000);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
