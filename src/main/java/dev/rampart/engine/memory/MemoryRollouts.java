package dev.rampart.engine.memory;

import dev.rampart.domain.repo.ConcurrentChangeException;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        return events.stream().filter(e -> e.rolloutId() != null && e.rolloutId() == rolloutId).toList();
    }

    private void append(long rolloutId, NewEvent e) {
        String previous = events.isEmpty() ? "" : events.get(events.size() - 1).hash();
        long seq = events.size() + 1L;
        String content = seq + "|" + rolloutId + "|" + e.at() + "|" + e.type() + "|" + e.actor() + "|" + e.stage()
                + "|" + new TreeMap<>(e.data()) + "|" + previous;
        events.add(new AuditEvent(seq, rolloutId, e.at(), e.type(), e.actor(), e.stage(), e.data(), previous,
                sha256(content)));
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
