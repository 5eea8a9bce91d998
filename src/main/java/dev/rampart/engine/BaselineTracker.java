package dev.rampart.engine;

import dev.rampart.domain.rule.Baseline;
import dev.rampart.spi.Sample;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable population's recent samples per metric. When no stable population is left (the last stage took all
 * traffic) no samples arrive and the baseline stays as last measured.
 */
final class BaselineTracker {
    private final int keep;
    private final Map<String, Deque<Double>> recent = new HashMap<>();
    private Baseline current = new Baseline(Map.of(), Map.of());

    BaselineTracker(int keep) {
        this.keep = keep;
    }

    void add(Map<String, List<Sample>> samples) {
        if (samples.isEmpty()) {
            return;
        }
        samples.forEach((metric, list) -> {
            Deque<Double> q = recent.computeIfAbsent(metric, m -> new ArrayDeque<>(keep + 1));
            for (Sample s : list) {
                q.addLast(s.value());
                if (q.size() > keep) {
                    q.removeFirst();
                }
            }
        });
        Map<String, Double> means = new HashMap<>();
        Map<String, Double> sds = new HashMap<>();
        recent.forEach((metric, q) -> {
            double mean = q.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double var = q.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, q.size() - 1);
            means.put(metric, mean);
            sds.put(metric, Math.sqrt(var));
        });
        current = new Baseline(means, sds);
    }

    Baseline baseline() {
        return current;
    }
}
