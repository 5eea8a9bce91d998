package dev.rampart.engine;

import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.rollout.Reading;
import dev.rampart.domain.rule.Baseline;
import dev.rampart.domain.rule.Condition;
import dev.rampart.domain.rule.HaltRule;
import dev.rampart.domain.rule.Thresholds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every halt rule and stage criterion judged on the readings in the store, tick by tick, in the order they were
 * taken: each cohort's values against the baseline as it stood at that tick (the stable population's recent
 * readings). It remembers, for each rule and cohort, since when the rule has held without a break, and for each
 * criterion since when it has held without a break or a missing reading.
 *
 * <p>The state is a fold over stored readings, nothing else: a new process replays the readings of the last
 * {@link #lookback} (plus the baseline history before them) and reaches the state the old one had, so a restart at
 * any instant neither resets nor shortens a window. For halt rules a tick with no reading neither breaks nor extends
 * a breach (a gap is the monitoring gate's business); for criteria, which must prove something good, it breaks one.
 */
final class Judge {
    /** What one rule says about one tick's values. */
    enum Verdict { HOLDS, CLEAR, UNKNOWN }

    /** A halt rule's unbroken breach on one cohort: first tick it held, last tick it was clear, values it held on. */
    static final class Stretch {
        Instant firstHolds;
        Instant lastBreak;
        Map<String, Double> heldOn = Map.of();
    }

    static final String STABLE = "";

    private final PlanRules rules;
    private final BaselineTracker baseline;
    private final int sigmaSamples;
    private final Map<String, Stretch[]> halts = new HashMap<>();
    private final Map<String, Instant> criteria = new HashMap<>();
    private final Map<String, Map<String, Instant>> lastPresent = new HashMap<>();
    private final Map<String, Map<String, Double>> latest = new HashMap<>();
    private final List<Criterion> tracked = new ArrayList<>();
    private Instant lastTickAt;
    private Instant rearmedAt;
    private Instant origin;

    /** A criterion and the population it is measured on ({@link #STABLE} before the first stage). */
    record Criterion(HaltRule rule, String population) {
        String key() {
            return rule.text() + "@" + population;
        }
    }

    Judge(PlanRules rules, EngineSettings settings) {
        this.rules = rules;
        this.sigmaSamples = settings.sigmaSamples();
        this.baseline = new BaselineTracker(settings.baselineSamples(), settings.sigmaSamples(),
                settings.minSamplesForSigma());
        List<Stage> stages = rules.plan().stages();
        for (int k = 0; k < stages.size(); k++) {
            String entryOn = k == 0 ? STABLE : stages.get(k - 1).name();
            for (HaltRule c : rules.entryCriteria(stages.get(k).name())) {
                tracked.add(new Criterion(c, entryOn));
            }
            for (HaltRule c : rules.exitCriteria(stages.get(k).name())) {
                tracked.add(new Criterion(c, stages.get(k).name()));
            }
        }
    }

    /** How far back a new process replays: the longest window, the monitoring gap and a minute to spare. */
    static Duration lookback(PlanRules rules) {
        Duration longest = Duration.ZERO;
        List<HaltRule> all = new ArrayList<>(rules.haltRules());
        rules.entryCriteria().values().forEach(all::addAll);
        rules.exitCriteria().values().forEach(all::addAll);
        for (HaltRule r : all) {
            if (r.window() != null && r.window().compareTo(longest) > 0) {
                longest = r.window();
            }
        }
        return longest.plus(rules.plan().maxGap()).plus(Duration.ofMinutes(1));
    }

    /**
     * Rebuilds the state from the store as it stands at {@code now}: the baseline history before the replayed window,
     * then every reading since {@code now - lookback}, with the resumes that re-armed the halt rules.
     */
    static Judge replay(PlanRules rules, EngineSettings settings, RolloutRepository repo, long rolloutId, Instant now,
                        List<Instant> resumes) {
        Judge j = new Judge(rules, settings);
        Instant since = now.minus(lookback(rules));
        j.origin = since;
        List<Reading> recent = repo.readings(rolloutId, since);
        Map<String, Integer> stableAfter = new HashMap<>();
        for (Reading r : recent) {
            if (r.stable()) {
                stableAfter.merge(r.metric(), 1, Integer::sum);
            }
        }
        for (String metric : rules.metrics()) {
            List<Reading> history = repo.latestReadings(rolloutId, null, metric,
                    j.sigmaSamples + stableAfter.getOrDefault(metric, 0));
            for (int i = history.size() - 1; i >= 0; i--) {
                if (history.get(i).at().isBefore(since)) {
                    j.baseline.add(metric, history.get(i).value());
                }
            }
        }
        j.catchUp(recent, resumes);
        return j;
    }

    /** Feeds stored readings in order, tick by tick (those taken at one instant together). */
    void catchUp(List<Reading> readings, List<Instant> resumes) {
        List<Reading> tick = new ArrayList<>();
        for (Reading r : readings) {
            if (!tick.isEmpty() && !r.at().equals(tick.get(0).at())) {
                feed(tick, resumes);
                tick = new ArrayList<>();
            }
            tick.add(r);
        }
        if (!tick.isEmpty()) {
            feed(tick, resumes);
        }
    }

    /** One tick's readings, all taken at the same instant, in the order they were stored. */
    void feed(List<Reading> tick, List<Instant> resumes) {
        if (tick.isEmpty() || (lastTickAt != null && !tick.get(0).at().isAfter(lastTickAt))) {
            return;
        }
        Instant at = tick.get(0).at();
        for (Instant r : resumes) {
            if (!r.isAfter(at) && (rearmedAt == null || r.isAfter(rearmedAt))) {
                rearm(r);
            }
        }
        Map<String, Map<String, Double>> byPopulation = new LinkedHashMap<>();
        for (Reading r : tick) {
            String population = r.stable() ? STABLE : r.cohort();
            byPopulation.computeIfAbsent(population, p -> new HashMap<>()).put(r.metric(), r.value());
            if (r.stable()) {
                baseline.add(r.metric(), r.value());
            }
            if (r.present()) {
                lastPresent.computeIfAbsent(population, p -> new HashMap<>()).put(r.metric(), at);
            }
        }
        Baseline b = baseline.baseline();
        List<HaltRule> haltRules = rules.haltRules();
        for (var population : byPopulation.entrySet()) {
            if (population.getKey().equals(STABLE)) {
                continue;
            }
            Stretch[] stretches = halts.computeIfAbsent(population.getKey(), k -> new Stretch[haltRules.size()]);
            for (int i = 0; i < haltRules.size(); i++) {
                if (stretches[i] == null) {
                    stretches[i] = fresh();
                }
                Stretch s = stretches[i];
                switch (verdict(haltRules.get(i), population.getValue(), b)) {
                    case HOLDS -> {
                        if (s.firstHolds == null) {
                            s.firstHolds = at;
                        }
                        s.heldOn = population.getValue();
                    }
                    case CLEAR -> {
                        s.firstHolds = null;
                        s.lastBreak = at;
                    }
                    case UNKNOWN -> { }
                }
            }
        }
        for (Criterion c : tracked) {
            Map<String, Double> values = byPopulation.get(c.population());
            if (values == null) {
                continue;
            }
            if (verdict(c.rule(), values, b) == Verdict.HOLDS) {
                criteria.putIfAbsent(c.key(), at);
            } else {
                criteria.remove(c.key());
            }
        }
        latest.clear();
        latest.putAll(byPopulation);
        lastTickAt = at;
    }

    private Stretch fresh() {
        Stretch s = new Stretch();
        // a breach seen from the first replayed tick may have begun before it: count that start as a break, so a
        // halt recorded earlier does not hide this one (told twice rather than never)
        s.lastBreak = origin;
        return s;
    }

    /** A person resumed: every halt rule must hold for its whole window again before it trips. */
    private void rearm(Instant at) {
        rearmedAt = at;
        for (Stretch[] stretches : halts.values()) {
            for (Stretch s : stretches) {
                if (s != null) {
                    s.firstHolds = null;
                }
            }
        }
    }

    /** Every condition against the baseline: clear when one surely does not hold, unknown when one cannot be read. */
    static Verdict verdict(HaltRule rule, Map<String, Double> values, Baseline baseline) {
        boolean unknown = false;
        for (Condition c : rule.conditions()) {
            Double v = values.get(c.metric());
            OptionalDouble t = Thresholds.resolve(c, baseline);
            if (v == null || Double.isNaN(v) || t.isEmpty() || Double.isNaN(t.getAsDouble())) {
                unknown = true;
            } else if (!c.op().holds(v, t.getAsDouble())) {
                return Verdict.CLEAR;
            }
        }
        return unknown ? Verdict.UNKNOWN : Verdict.HOLDS;
    }

    Baseline baseline() {
        return baseline.baseline();
    }

    /** The breach of halt rule {@code index} on {@code cohort}, or null when none was ever judged. */
    Stretch halt(int index, String cohort) {
        Stretch[] stretches = halts.get(cohort);
        return stretches == null ? null : stretches[index];
    }

    /** Since when {@code criterion} has held on {@code population} without a break, or null. */
    Instant criterionSince(HaltRule criterion, String population) {
        return criteria.get(criterion.text() + "@" + population);
    }

    /** The last tick at which {@code metric} of {@code population} had a reading, or null. */
    Instant lastPresent(String population, String metric) {
        Map<String, Instant> m = lastPresent.get(population);
        return m == null ? null : m.get(metric);
    }

    /** The values of the latest tick for {@code population} (empty when it was not measured then). */
    Map<String, Double> latest(String population) {
        return latest.getOrDefault(population, Map.of());
    }

    Instant lastTickAt() {
        return lastTickAt;
    }

    Instant rearmedAt() {
        return rearmedAt;
    }
}
