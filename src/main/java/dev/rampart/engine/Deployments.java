package dev.rampart.engine;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.repo.AuditLog;

import java.time.Instant;

/** Builds the adapters a plan names ({@code adapter.type}, {@code metrics.source}); built by the composition root. */
@FunctionalInterface
public interface Deployments {
    /**
     * The adapters for one rollout of {@code plan}. {@code anchor} is when the rollout was created (now, for a new
     * one): a simulator running faster than the wall clock counts its time from there.
     *
     * @throws IllegalArgumentException when the plan names an adapter or metric source that is not installed
     */
    Deployment open(Plan plan, long rolloutId, Instant anchor);

    /**
     * What runs the plan's checklist commands and rollback-step commands on this machine. Without one, a gate that
     * needs a command stays shut.
     */
    default dev.rampart.spi.CommandRunner commands() {
        return dev.rampart.spi.CommandRunner.unavailable();
    }

    /** These deployments, recording what adapters did as {@code adapter.*} events in {@code audit}. */
    default Deployments filingEvidenceIn(AuditLog audit) {
        return this;
    }
}
