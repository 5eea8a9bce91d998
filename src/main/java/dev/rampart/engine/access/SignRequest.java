package dev.rampart.engine.access;

import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.SignedContent;

import java.util.Objects;

/**
 * What a person asks to sign on a rollout.
 *
 * @param stage   the stage whose item or gate it is; null for the rollout as a whole (preconditions, smoke tests,
 *                the start gate of {@code approvals.required_roles})
 * @param item    a checklist item's text exactly as the plan writes it, {@link SignedContent#GO_NO_GO} for a
 *                stage's go/no-go decision, or {@link SignedContent#EMERGENCY_PROMOTE}
 * @param role    the role the signer signs in (they must hold it)
 * @param comment what the signer says; required for a no-go and for an emergency
 */
public record SignRequest(long rolloutId, String stage, String item, Role role, String comment) {
    public SignRequest {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(role, "role");
        comment = comment == null ? "" : comment.strip();
    }

    /** A go/no-go sign-off for {@code stage} (null: the start gate). */
    public static SignRequest goNoGo(long rolloutId, String stage, Role role, String comment) {
        return new SignRequest(rolloutId, stage, SignedContent.GO_NO_GO, role, comment);
    }

    public boolean isGate() {
        return SignedContent.GO_NO_GO.equals(item);
    }

    public boolean isEmergency() {
        return SignedContent.EMERGENCY_PROMOTE.equals(item);
    }
}
