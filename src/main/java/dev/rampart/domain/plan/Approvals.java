package dev.rampart.domain.plan;

import java.util.List;

/** Roles that must approve the rollout, and whether the person who started it may approve it (four-eyes). */
public record Approvals(List<String> requiredRoles, Boolean fourEyes, Integer minApprovals) {
    public Approvals {
        requiredRoles = Plan.copy(requiredRoles);
    }

    public boolean fourEyesRequired() {
        return fourEyes == null || fourEyes;
    }
}
