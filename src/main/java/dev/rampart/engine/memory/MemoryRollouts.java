package dev.rampart.engine.memory;

import dev.rampart.domain.repo.ConcurrentChangeException;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Reading;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Rollouts and their hash-chained events in memory. */
public final class MemoryRollouts implements RolloutRepository {
    private final Map<Long, Rollout> rollouts = new LinkedHashMap<>();
    private final List<AuditEvent> events = new ArrayList<>();
    private final Map<Long, List<AuditEvent>> byRollout = new java.util.HashMap<>();
    private final Map<Long, List<Reading>> readings = new java.util.HashMap<>();
    private final Map<Long, Map<String, Map<String, List<Reading>>>> series = new java.util.HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized Rollout create(long planId, RolloutState state, String startedBy, NewEvent event) {
        Rollout r = new Rollout(nextId++, planId, state, -1, startedBy, event.at(), event.at(), 1);
        rollouts.put(r.id(), r);
        append(r.id(), event);
        return r;
    }

    @Override
    public synchronized Rollout update(Rollout changed, List<NewEvent> newEvents) {
        Rollout stored = rollouts.get(changed.id());
        if (stored == null || stored.version() != changed.version()) {
            throw new ConcurrentChangeException("rollout " + changed.id() + " changed since version "
                    + changed.version());
        }
        Rollout next = new Rollout(changed.id(), changed.planId(), changed.state(), changed.stageIndex(),
                changed.startedBy(), changed.createdAt(), changed.updatedAt(), changed.version() + 1);
        rollouts.put(next.id(), next);
        newEvents.forEach(e -> append(next.id(), e));
        return next;
    }

    @Override
    public synchronized Optional<Rollout> find(long id) {
        return Optional.ofNullable(rollouts.get(id));
    }

    @Override
    public synchronized List<Rollout> list() {
        return rollouts.values().stream().sorted(Comparator.comparingLong(Rollout::id).reversed()).toList();
    }

    @Override
    public synchronized List<AuditEvent> events(long rolloutId) {
        return List.copyOf(byRollout.getOrDefault(rolloutId, List.of()));
    }

    @Override
    public synchronized List<AuditEvent> events(long rolloutId, long afterSeq) {
        List<AuditEvent> all = byRollout.getOrDefault(rolloutId, List.of());
        int from = all.size();
        while (from > 0 && all.get(from - 1).seq() > afterSeq) {
            from--;
        }
        return List.copyOf(all.subList(from, all.size()));
    }

    @Override
    public synchronized void recordReadings(long rolloutId, List<Reading> tick) {
        List<Reading> all = readings.computeIfAbsent(rolloutId, id -> new ArrayList<>());
        for (Reading r : tick) {
            if (!all.isEmpty() && r.at().isBefore(all.get(all.size() - 1).at())) {
                throw new IllegalArgumentException("readings go forward in time: " + r.at() + " is before "
                        + all.get(all.size() - 1).at());
            }
            all.add(r);
            series.computeIfAbsent(rolloutId, k -> new java.util.HashMap<>())
                    .computeIfAbsent(r.cohort() == null ? "" : r.cohort(), k -> new java.util.HashMap<>())
                    .computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r);
        }
    }

    @Override
    public synchronized List<Reading> readings(long rolloutId, Instant since) {
        List<Reading> all = readings.getOrDefault(rolloutId, List.of());
        int lo = 0;
        int hi = all.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).at().isBefore(since)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return List.copyOf(all.subList(lo, all.size()));
    }

    @Override
    public synchronized List<Reading> latestReadings(long rolloutId, String cohort, String metric, int limit) {
        List<Reading> s = series.getOrDefault(rolloutId, Map.of()).getOrDefault(cohort == null ? "" : cohort, Map.of())
                .getOrDefault(metric, List.of());
        List<Reading> out = new ArrayList<>(Math.min(limit, s.size()));
        for (int i = s.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(s.get(i));
        }
        return out;
    }

    @Override
    public synchronized Optional<Instant> lastReadingAt(long rolloutId) {
        List<Reading> all = readings.getOrDefault(rolloutId, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).at());
    }

    private void append(long rolloutId, NewEvent e) {
        String previous = events.isEmpty() ? "" : events.get(events.size() - 1).hash();
        long seq = events.size() + 1L;
        String content = seq + "|" + rolloutId + "|" + e.at() + "|" + e.type() + "|" + e.actor() + "|" + e.stage()
                + "|" + new TreeMap<>(e.data()) + "|" + previous;
        AuditEvent event = new AuditEvent(seq, rolloutId, e.at(), e.type(), e.actor(), e.stage(), e.data(), previous,
                sha256(content));
        events.add(event);
        byRollout.computeIfAbsent(rolloutId, id -> new ArrayList<>()).add(event);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
