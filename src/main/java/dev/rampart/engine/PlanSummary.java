package dev.rampart.engine;

import java.util.List;

/** One row of the Releases list. {@code state} is the latest rollout's state, or {@code draft} with none. */
public record PlanSummary(long id, String changeId, String service, String version, String owner,
                          List<String> stages, String state, String currentStage, String nextDecision) {
    public PlanSummary {
        stages = List.copyOf(stages);
    }
}
