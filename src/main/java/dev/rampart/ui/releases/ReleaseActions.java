package dev.rampart.ui.releases;

import dev.rampart.engine.RolloutService;
import dev.rampart.engine.access.EvidenceExport;
import dev.rampart.engine.access.Signatures;

import java.util.Objects;

/**
 * What the Releases screen does beyond the plan catalog, acting as the person at the console: start a rollout of a
 * plan, read who signed its last rollout, export a rollout's evidence pack.
 */
public record ReleaseActions(RolloutService rollouts, Signatures signatures, EvidenceExport evidence, String user) {
    public ReleaseActions {
        Objects.requireNonNull(rollouts, "rollouts");
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(user, "user");
    }
}
