package dev.rampart.domain.repo;

import dev.rampart.domain.access.Signature;
import dev.rampart.domain.rollout.NewEvent;

import java.util.List;

/** Signatures, kept with the audit event that records each one; never changed or deleted. */
public interface SignatureRepository {

    /** Stores {@code signature} (its id and audit seq are ignored) and appends {@code event}; returns it with both. */
    Signature add(Signature signature, NewEvent event);

    /** The signatures on a rollout, oldest first. */
    List<Signature> forRollout(long rolloutId);
}
