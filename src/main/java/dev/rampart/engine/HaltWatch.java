package dev.rampart.engine;

import dev.rampart.domain.rule.Action;
import dev.rampart.domain.rule.Baseline;
import dev.rampart.domain.rule.HaltRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Evaluates every halt rule for every cohort on the new version, each on its own metrics, every tick. */
final class HaltWatch {
    private final List<HaltRule> rules;
    private final HeldSince held = new HeldSince();
    private final Map<String, String[]> keys = new java.util.HashMap<>();
    private Baseline resolvedFor;
    private double[][] thresholds;

    HaltWatch(List<HaltRule> rules) {
        this.rules = rules;
    }

    /** The rules that trip at {@code now}, rollbacks first, then pauses, then alerts. */
    List<RuleReading> check(Map<String, Map<String, Double>> byCohort, Baseline baseline, Instant now) {
        if (baseline != resolvedFor) {
            thresholds = rules.stream().map(r -> RuleReading.thresholds(r, baseline)).toArray(double[][]::new);
            resolvedFor = baseline;
        }
        List<RuleReading> trips = new ArrayList<>();
        for (var cohort : byCohort.entrySet()) {
            String[] k = keys.computeIfAbsent(cohort.getKey(), this::keysFor);
            for (int i = 0; i < rules.size(); i++) {
                HaltRule rule = rules.get(i);
                boolean holds = RuleReading.holds(rule, cohort.getValue(), thresholds[i]);
                if (held.trips(k[i], holds, now, rule.window())) {
                    trips.add(RuleReading.read(rule, cohort.getKey(), cohort.getValue(), thresholds[i]));
                }
            }
        }
        trips.sort(Comparator.comparing(r -> severity(r.rule().action())));
        return trips;
    }

    private String[] keysFor(String cohort) {
        String[] k = new String[rules.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = i + "@" + cohort;
        }
        return k;
    }

    /** After a resume: a rule still breached must hold for its whole window again before it trips. */
    void rearm() {
        held.clear();
    }

    private static int severity(Action a) {
        return a == Action.ROLLBACK ? 0 : a == Action.PAUSE ? 1 : 2;
    }
}
