package dev.rampart.engine.memory;

import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adapter intents in memory. */
public final class MemoryIntents implements IntentRepository {
    private final Map<String, Intent> byKey = new LinkedHashMap<>();

    @Override
    public synchronized void record(Intent intent) {
        if (byKey.putIfAbsent(intent.key(), intent) != null) {
            throw new IllegalStateException("intent key already used: " + intent.key());
        }
    }

    @Override
    public synchronized void finish(Intent finished) {
        if (byKey.replace(finished.key(), finished) == null) {
            throw new IllegalStateException("no intent " + finished.key());
        }
    }

    @Override
    public synchronized List<Intent> unfinished(long rolloutId) {
        return all(rolloutId).stream().filter(i -> i.status() == IntentStatus.PENDING).toList();
    }

    @Override
    public synchronized List<Intent> all(long rolloutId) {
        return byKey.values().stream().filter(i -> i.rolloutId() == rolloutId).toList();
    }
}
