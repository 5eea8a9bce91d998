package dev.rampart.engine;

import dev.rampart.domain.rule.Baseline;
import dev.rampart.spi.Sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable population's recent samples per metric: the mean of the last {@code meanSamples}, and once enough
 * have arrived to mean something, the standard deviation of the last {@code sigmaSamples} (for sigma rules; a
 * longer history keeps one quiet half-hour from making the rule hair-triggered). When no stable population is left (the last stage took
 * all traffic) no samples arrive and the baseline stays as last measured.
 */
final class BaselineTracker {
    private final int meanSamples;
    private final int sigmaSamples;
    private final int minForStddev;
    private final Map<String, Ring> recent = new HashMap<>();
    private Baseline current = new Baseline(Map.of(), Map.of());

    BaselineTracker(int meanSamples, int sigmaSamples, int minForStddev) {
        this.meanSamples = meanSamples;
        this.sigmaSamples = Math.max(sigmaSamples, meanSamples);
        this.minForStddev = minForStddev;
    }

    void add(Map<String, List<Sample>> samples) {
        boolean changed = false;
        for (var e : samples.entrySet()) {
            Ring ring = recent.computeIfAbsent(e.getKey(), m -> new Ring(sigmaSamples));
            for (Sample s : e.getValue()) {
                ring.add(s.value());
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
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

    Baseline baseline() {
        return current;
    }

    /** The last {@code capacity} values. */
    private static final class Ring {
        private final double[] values;
        private int next;
        private int size;

        Ring(int capacity) {
            values = new double[capacity];
        }

        void add(double v) {
            values[next] = v;
            next = (next + 1) % values.length;
            size = Math.min(size + 1, values.length);
        }

        /** The mean of the last {@code n} values (or of all, when fewer). */
        double mean(int n) {
            int count = Math.min(n, size);
            double sum = 0;
            for (int i = 1; i <= count; i++) {
                sum += values[Math.floorMod(next - i, values.length)];
            }
            return sum / count;
        }

        double stddev() {
            double mean = mean(size);
            double sq = 0;
            for (int i = 0; i < size; i++) {
                sq += (values[i] - mean) * (values[i] - mean);
            }
            return Math.sqrt(sq / Math.max(1, size - 1));
        }
    }
}
