package dev.rampart.engine;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.spi.TrafficSplit;

import java.util.List;
import java.util.Map;

/**
 * One rollout as a person sees it: its state, its plan, every event so far, the split the adapter last confirmed
 * (null before any, or when not known in this process) and the kill switches (flag name → on).
 */
public record RolloutStatus(Rollout rollout, Plan plan, List<AuditEvent> events,
                            TrafficSplit confirmedTraffic, Map<String, Boolean> killSwitches, boolean faultsInjectable) {
    public RolloutStatus {
        events = List.copyOf(events);
        killSwitches = Map.copyOf(killSwitches);
    }

    /** The stage the rollout is in, or null before the first. */
    public String currentStage() {
        int k = rollout.stageIndex();
        return k >= 0 && k < plan.stages().size() ? plan.stages().get(k).name() : null;
    }

    /** The latest event of {@code type}, or null. */
    public AuditEvent last(String type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type().equals(type)) {
                return events.get(i);
            }
        }
        return null;
    }
}
