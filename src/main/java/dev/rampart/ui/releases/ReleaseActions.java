package dev.rampart.ui.releases;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.access.EvidenceExport;
import dev.rampart.engine.access.Signatures;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Releases screen does beyond the plan catalog, acting as the person at the console: start a rollout of a
 * plan, read who signed its last rollout, export a rollout's evidence pack. Every method here reads or writes the
 * store: call them off the FX thread.
 */
public record ReleaseActions(RolloutService rollouts, Signatures signatures, EvidenceExport evidence, String user) {
    public ReleaseActions {
        Objects.requireNonNull(rollouts, "rollouts");
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(user, "user");
    }

    /** The evidence pack a person exported: of which rollout, and its report. */
    public record EvidenceWritten(long rolloutId, Path report) {
    }

    /** The plan's newest rollout, if it ever ran. */
    public Optional<Rollout> latestRollout(long planId) {
        return rollouts.all().stream().filter(r -> r.planId() == planId)
                .max(Comparator.comparing(Rollout::createdAt).thenComparingLong(Rollout::id));
    }

    /** What to read before starting {@code plan}, with who signed what on its latest rollout. */
    public StartChecklist checklist(long planId, Plan plan, ZoneId zone) {
        Optional<Rollout> last = latestRollout(planId);
        return StartChecklist.of(planId, plan, last.orElse(null),
                last.map(r -> signatures.list(r.id())).orElse(List.of()), zone);
    }

    /** @throws dev.rampart.engine.access.NotPermittedException when the person may not start rollouts */
    public Rollout start(long planId) {
        return rollouts.start(planId, user);
    }

    /** Writes the pack of the plan's latest rollout into {@code chosen}, or a new folder in it when it is not empty. */
    public EvidenceWritten exportEvidence(long planId, String changeId, Path chosen) {
        Rollout last = latestRollout(planId).orElseThrow(() ->
                new IllegalStateException(changeId + " has not been rolled out yet"));
        Path dir = EvidenceFolder.inside(chosen, changeId, last.id());
        return new EvidenceWritten(last.id(),
                evidence.export(user, last.id(), dir).dir().resolve("report.html").toAbsolutePath());
    }
}
