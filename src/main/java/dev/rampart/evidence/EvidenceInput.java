package dev.rampart.evidence;

import dev.rampart.domain.access.AuditCheck;
import dev.rampart.domain.access.Checkpoint;
import dev.rampart.domain.access.Signature;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;

import java.time.Instant;
import java.util.List;

/**
 * Everything an evidence pack records about one rollout, gathered from the store by the caller.
 *
 * @param currentPlanSha the SHA-256 signatures must match now (see {@code Signatures.currentPlanSha})
 * @param integrity      the verdict on the whole audit trail at export time
 * @param checkpoint     the chain head at export, signed by the exporter's installation key; null for none
 */
public record EvidenceInput(Rollout rollout, StoredPlan storedPlan, Plan plan, List<AuditEvent> events,
                            List<Signature> signatures, String currentPlanSha, AuditCheck integrity,
                            Instant exportedAt, String exportedBy, Checkpoint checkpoint) {
    public EvidenceInput {
        events = List.copyOf(events);
        signatures = List.copyOf(signatures);
    }

    public EvidenceInput(Rollout rollout, StoredPlan storedPlan, Plan plan, List<AuditEvent> events,
                         List<Signature> signatures, String currentPlanSha, AuditCheck integrity, Instant exportedAt,
                         String exportedBy) {
        this(rollout, storedPlan, plan, events, signatures, currentPlanSha, integrity, exportedAt, exportedBy, null);
    }

    /** The last value an event of the rollout recorded under {@code key} ({@code rollback_time_seconds}, …). */
    public String lastValue(String key) {
        String value = null;
        for (AuditEvent e : events) {
            if (e.data().containsKey(key)) {
                value = e.data().get(key);
            }
        }
        return value;
    }
}
