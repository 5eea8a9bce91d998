package dev.rampart.engine;

import dev.rampart.domain.rule.Baseline;

import java.util.HashMap;
import java.util.Map;

/**
 * The stable population's recent readings per metric (one per tick, fed in order from the store's readings): the
 * mean of the last {@code meanSamples}, and once enough have arrived to mean something, the standard deviation of the
 * last {@code sigmaSamples} (for sigma rules; a longer history keeps one quiet half-hour from making the rule
 * hair-triggered). When no stable population is left (the last stage took all traffic) no readings arrive and the
 * baseline stays as last measured.
 */
final class BaselineTracker {
    private final int meanSamples;
    private final int sigmaSamples;
    private final int minForStddev;
    private final Map<String, Ring> recent = new HashMap<>();
    private Baseline current = new Baseline(Map.of(), Map.of());
    private boolean dirty;

    BaselineTracker(int meanSamples, int sigmaSamples, int minForStddev) {
        this.meanSamples = meanSamples;
        this.sigmaSamples = Math.max(sigmaSamples, meanSamples);
        this.minForStddev = minForStddev;
    }

    /** One stable reading; infinities and NaN say nothing about the baseline and are left out. */
    void add(String metric, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        recent.computeIfAbsent(metric, m -> new Ring(sigmaSamples)).add(value);
        dirty = true;
    }

    Baseline baseline() {
        if (dirty) {
            recompute();
            dirty = false;
        }
        return current;
    }

    private void recompute() {
        Map<String, Double> means = new HashMap<>();
        Map<String, Double> sds = new HashMap<>();
        recent.forEach((metric, ring) -> {
            means.put(metric, ring.mean(meanSamples));
            if (ring.size >= minForStddev) {
                sds.put(metric, ring.stddev());
            }
        });
        current = new Baseline(means, sds);
    }

    /** The last {@code capacity} values, with running sums so that a tick costs the same however many are kept. */
    private static final class Ring {
        private final double[] values;
        private int next;
        private int size;
        private double sum;
        private double sumOfSquares;

        Ring(int capacity) {
            values = new double[capacity];
        }

        void add(double v) {
            if (size == values.length) {
                double old = values[next];
                sum -= old;
                sumOfSquares -= old * old;
            } else {
                size++;
            }
            values[next] = v;
            sum += v;
            sumOfSquares += v * v;
            next = next + 1 == values.length ? 0 : next + 1;
        }

        /** The mean of the last {@code n} values (or of all, when fewer). */
        double mean(int n) {
            if (n >= size) {
                return sum / size;
            }
            double s = 0;
            for (int i = 1, at = next; i <= n; i++) {
                at = at == 0 ? values.length - 1 : at - 1;
                s += values[at];
            }
            return s / n;
        }

        double stddev() {
            double mean = sum / size;
            double variance = (sumOfSquares - size * mean * mean) / Math.max(1, size - 1);
            return Math.sqrt(Math.max(0, variance));
        }
    }
}
