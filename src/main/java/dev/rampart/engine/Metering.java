package dev.rampart.engine;

import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.rollout.Reading;
import dev.rampart.domain.rule.Metrics;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.MetricWindow;
import dev.rampart.spi.Sample;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads, each tick, the metrics the plan's rules need for every cohort on the new version and for the stable
 * population, over the window since the last stored reading; keeps what it read in the store as readings (what the
 * engine judges on, and what a new process replays); and hands them to the {@link Judge}.
 */
final class Metering {
    private final PlanRules rules;
    private final MetricSource source;
    private final RolloutRepository repo;
    private final EngineSettings settings;
    private final long rolloutId;
    private final Set<String> metricNames;
    private Judge judge;

    Metering(PlanRules rules, MetricSource source, RolloutRepository repo, EngineSettings settings, long rolloutId) {
        this.rules = rules;
        this.source = source;
        this.repo = repo;
        this.settings = settings;
        this.rolloutId = rolloutId;
        this.metricNames = rules.metrics();
    }

    /**
     * The judge: rebuilt from the store the first time it is asked for in this process, and brought up to date
     * with readings another process stored since (so any process judges on the same readings).
     */
    Judge judge(Instant now, List<Instant> resumes) {
        if (judge == null) {
            judge = Judge.replay(rules, settings, repo, rolloutId, now, resumes);
        } else if (judge.lastTickAt() != null) {
            try {
                judge.catchUp(repo.readings(rolloutId, judge.lastTickAt().plusNanos(1)), resumes);
            } catch (RuntimeException storeDown) {
                // judge on what this process has; the readings of others are folded in when the store answers
            }
        }
        return judge;
    }

    /**
     * Measures the window since the last reading and stores the readings; returns false (reading nothing) when no
     * time has passed since. The cohorts are those on the new version whose kill switch is on.
     *
     * @throws Unavailable when the source fails: no reading this tick (a store that fails is not caught here)
     */
    boolean read(int stageIndex, KillSwitches switches, Instant now, List<Instant> resumes) throws Unavailable {
        Judge j = judge(now, resumes);
        Instant at = now.truncatedTo(ChronoUnit.MILLIS); // as the store keeps it, so a replay judges the same
        Instant last = j.lastTickAt() != null ? j.lastTickAt() : repo.lastReadingAt(rolloutId).orElse(null);
        Instant from = last != null ? last : now.minus(settings.firstWindow());
        Instant earliest = now.minus(Judge.lookback(rules));
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        if (!from.isBefore(at)) {
            return false;
        }
        Set<String> cohorts = new LinkedHashSet<>();
        for (Stage s : rules.plan().stages().subList(0, Math.min(stageIndex + 1, rules.plan().stages().size()))) {
            if (switches.cohortEnabled(s.name())) {
                cohorts.add(s.name());
            }
        }
        MetricWindow w;
        try {
            w = source.read(cohorts, metricNames, from, now);
        } catch (Exception e) {
            throw new Unavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
        List<Reading> tick = new ArrayList<>();
        for (String metric : metricNames) {
            double stable = mean(w.baselineSamples(metric));
            if (!Double.isNaN(stable)) {
                tick.add(new Reading(rolloutId, at, null, metric, stable));
            }
        }
        for (String cohort : cohorts) {
            for (String metric : metricNames) {
                tick.add(new Reading(rolloutId, at, cohort, metric, mean(w.samples(cohort, metric))));
            }
        }
        try {
            repo.recordReadings(rolloutId, tick);
        } catch (RuntimeException storeDown) {
            // judged all the same: a halt rule that rolls back must not wait for the store (the rollback does not)
        }
        j.feed(tick, resumes);
        return true;
    }

    /**
     * The mean of the samples that are readings: NaN (no traffic) is left out; an infinity is kept, and +Inf and
     * -Inf together say nothing (NaN). Empty: NaN, no reading.
     */
    static double mean(List<Sample> samples) {
        double sum = 0;
        int n = 0;
        for (Sample s : samples) {
            if (!Double.isNaN(s.value())) {
                sum += s.value();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** {@code more} plus {@code error_rate_during_rollout}: the mean over ticks of the cohorts' mean error rate. */
    Map<String, String> withErrorRate(Map<String, String> more, Instant since) {
        Map<String, String> d = new LinkedHashMap<>(more);
        if (since == null) {
            return d;
        }
        Map<Instant, double[]> perTick = new TreeMap<>();
        for (Reading r : repo.readings(rolloutId, since)) {
            if (!r.stable() && Metrics.ERROR_RATE.equals(r.metric()) && Double.isFinite(r.value())) {
                double[] acc = perTick.computeIfAbsent(r.at(), t -> new double[2]);
                acc[0] += r.value();
                acc[1]++;
            }
        }
        if (!perTick.isEmpty()) {
            double sum = 0;
            for (double[] acc : perTick.values()) {
                sum += acc[0] / acc[1];
            }
            d.put("error_rate_during_rollout", RuleReading.number(sum / perTick.size()));
        }
        return d;
    }

    /** The metric source did not answer. */
    static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How long a tick may look back at most; for callers that need to know where the judge's memory begins. */
    Duration lookback() {
        return Judge.lookback(rules);
    }
}
