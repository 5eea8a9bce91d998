package dev.rampart.domain.repo;

import dev.rampart.domain.rollout.Intent;

import java.util.List;

/** Adapter intents: written before an adapter call, finished after it, reconciled after a crash. */
public interface IntentRepository {
    /** Persists a new pending intent; its key is unique. */
    void record(Intent intent);

    /** Stores the intent's status, outcome and finish time (matched by key). */
    void finish(Intent finished);

    /** The pending intents of a rollout, oldest first. */
    List<Intent> unfinished(long rolloutId);

    /** Every intent of a rollout, oldest first (evidence). */
    List<Intent> all(long rolloutId);
}
