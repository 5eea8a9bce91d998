package dev.rampart.engine;

import dev.rampart.domain.rule.Condition;
import dev.rampart.domain.rule.HaltRule;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Monitoring is a gate: a rule that cannot be evaluated is not a passing rule. A metric that a halt rule or the
 * current stage's criteria need, on a cohort on the new version, with no reading (NaN, missing, or the source dark)
 * for longer than the plan's {@code monitoring.max_gap} is a gap that pauses the rollout; and no stage is left
 * without a reading, at this very tick, of every metric every halt rule needs, with every rule evaluable.
 */
final class MonitoringGate {
    private final PlanRules rules;

    MonitoringGate(PlanRules rules) {
        this.rules = rules;
    }

    /** A metric of a cohort without a reading since {@code since}. */
    record Gap(String cohort, String metric, Instant since) {
    }

    private final java.util.Map<String, Set<String>> needed = new java.util.HashMap<>();

    /** The metrics {@code cohort} must be read for while stage {@code k} is current. */
    Set<String> needed(String cohort, int k) {
        return needed.computeIfAbsent(k + "@" + cohort, key -> compute(cohort, k));
    }

    private Set<String> compute(String cohort, int k) {
        Set<String> m = new LinkedHashSet<>();
        rules.haltRules().forEach(r -> metrics(r, m));
        if (k >= 0 && cohort.equals(rules.stage(k).name())) {
            rules.exitCriteria(cohort).forEach(r -> metrics(r, m));
            if (k < rules.lastStage()) {
                rules.entryCriteria(rules.stage(k + 1).name()).forEach(r -> metrics(r, m));
            }
        }
        return m;
    }

    private static void metrics(HaltRule r, Set<String> into) {
        for (Condition c : r.conditions()) {
            into.add(c.metric());
        }
    }

    /**
     * The first needed metric whose last reading is older than {@code max_gap}, counting from when the cohort went
     * on the new version, a person last resumed or the rollout started, whichever is latest; or null.
     */
    Gap gap(Judge judge, Ledger ledger, int k, Set<String> cohorts, Instant now) {
        Duration max = rules.plan().maxGap();
        for (String cohort : cohorts) {
            for (String metric : needed(cohort, k)) {
                Instant ref = latest(judge.lastPresent(cohort, metric), ledger.enteredAt(cohort),
                        ledger.lastResume(), ledger.startedAt());
                if (ref != null && Duration.between(ref, now).compareTo(max) > 0) {
                    return new Gap(cohort, metric, ref);
                }
            }
        }
        return null;
    }

    /** The first needed metric with no reading at the latest tick, or null when every one was read. */
    Gap missingNow(Judge judge, int k, Set<String> cohorts) {
        for (String cohort : cohorts) {
            for (String metric : needed(cohort, k)) {
                Double v = judge.latest(cohort).get(metric);
                if (v == null || Double.isNaN(v)) {
                    return new Gap(cohort, metric, judge.lastPresent(cohort, metric));
                }
            }
        }
        return null;
    }

    /**
     * Why the rollout may not move on for want of readings: no reading at this tick, a needed metric missing, or a
     * halt rule that cannot be evaluated on a cohort (a baseline not yet measured, too few samples for sigma); null
     * when every rule was read fresh.
     */
    String stale(Judge judge, int k, Set<String> cohorts, Instant now) {
        boolean anything = !rules.haltRules().isEmpty()
                || rules.entryCriteria().values().stream().anyMatch(l -> !l.isEmpty())
                || rules.exitCriteria().values().stream().anyMatch(l -> !l.isEmpty());
        if (anything && (judge.lastTickAt() == null
                || judge.lastTickAt().isBefore(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)))) {
            return "a reading of the metrics at this tick (the metric source did not answer)";
        }
        Gap missing = missingNow(judge, k, cohorts);
        if (missing != null) {
            return "a reading of " + missing.metric() + " for " + missing.cohort();
        }
        for (String cohort : cohorts) {
            for (HaltRule r : rules.haltRules()) {
                if (Judge.verdict(r, judge.latest(cohort), judge.baseline()) == Judge.Verdict.UNKNOWN) {
                    return "halt rule \"" + r.text() + "\" to be evaluable for " + cohort
                            + " (its baseline is not measured yet)";
                }
            }
        }
        return null;
    }

    private static Instant latest(Instant... candidates) {
        Instant best = null;
        for (Instant c : candidates) {
            if (c != null && (best == null || c.isAfter(best))) {
                best = c;
            }
        }
        return best;
    }
}
