package dev.rampart.engine.access;

import dev.rampart.domain.access.Checkpoint;
import dev.rampart.domain.access.Signer;
import dev.rampart.domain.repo.AuditIntegrity;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.repo.TrustLog;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.evidence.EvidenceInput;
import dev.rampart.evidence.EvidencePack;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Exports a rollout's evidence pack (the CLI's {@code evidence export} and the console's button): anyone who may
 * view releases may export. The pack carries a checkpoint of the chain head and is signed with the exporter's
 * installation key; the export itself is an audit event ({@code evidence.exported}) carrying the SHA-256 of the
 * pack's manifest, so a pack can later be matched with the trail.
 */
public final class EvidenceExport {
    private final RolloutRepository rollouts;
    private final PlanRepository plans;
    private final Signatures signatures;
    private final AuditLog audit;
    private final AuditIntegrity integrity;
    private final Access access;
    private final PlanFormat format;
    private final Clock clock;
    private final Signer signer;

    public EvidenceExport(RolloutRepository rollouts, PlanRepository plans, Signatures signatures, AuditLog audit,
                          AuditIntegrity integrity, Access access, PlanFormat format, Clock clock, Signer signer) {
        this.rollouts = rollouts;
        this.plans = plans;
        this.signatures = signatures;
        this.audit = audit;
        this.integrity = integrity;
        this.access = access;
        this.format = format;
        this.clock = clock;
        this.signer = java.util.Objects.requireNonNull(signer, "an evidence pack is always signed");
    }

    /**
     * @throws NotPermittedException     when {@code actor} may not view releases
     * @throws IllegalArgumentException  when there is no such rollout, or {@code dir} is not a new or empty folder
     */
    public EvidencePack.Written export(String actor, long rolloutId, Path dir) {
        access.require(actor, Permission.VIEW, rolloutId);
        Rollout rollout = rollouts.find(rolloutId).orElseThrow(() ->
                new IllegalArgumentException("There is no rollout " + rolloutId));
        StoredPlan stored = plans.find(rollout.planId()).orElseThrow(() ->
                new IllegalStateException("The plan of rollout " + rolloutId + " is missing from the store"));
        Checkpoint checkpoint = null;
        if (audit instanceof TrustLog trust) {
            long head = trust.headSeq();
            checkpoint = Checkpoint.of(trust.storeId(), trust.location(), head,
                    head == 0 ? "0".repeat(64) : trust.hashAt(head).orElse("0".repeat(64)), clock.instant(), signer);
        }
        EvidenceInput input = new EvidenceInput(rollout, stored, format.read(stored.json(), Format.JSON),
                rollouts.events(rolloutId), signatures.list(rolloutId), signatures.currentPlanSha(rolloutId),
                integrity.check(), clock.instant(), actor, checkpoint);
        EvidencePack.Written written = EvidencePack.write(input, dir, signer);
        audit.append(new NewEvent(rolloutId, clock.instant(), "evidence.exported", actor, null,
                Map.of("manifest_sha256", written.manifestSha256(), "folder", dir.getFileName().toString(),
                        "signed_by", signer.keyId())));
        return written;
    }
}
