package dev.rampart.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dry run did: the final state, the rollback time (null when there was no rollback), the mean error rate
 * of the new version's cohorts, the virtual time it took, and the events in time order.
 */
public record DryRunResult(String finalState, Double rollbackTimeSeconds, Double errorRateDuringRollout,
                           Duration elapsed, List<TimelineEvent> events) {

    public DryRunResult {
        events = List.copyOf(events);
    }

    /** The {@code --json} object: {@code final_state}, {@code rollback_time_seconds} (or null), {@code events}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("final_state", finalState);
        m.put("rollback_time_seconds", rollbackTimeSeconds);
        m.put("error_rate_during_rollout", errorRateDuringRollout);
        m.put("elapsed", elapsed.toString());
        m.put("events", events.stream().map(TimelineEvent::toJson).toList());
        return m;
    }

    /** The human-readable timeline, one line per event, then the outcome. */
    public List<String> timeline() {
        List<String> lines = new ArrayList<>();
        events.forEach(e -> lines.add(e.line()));
        lines.add("final state: " + finalState + (rollbackTimeSeconds == null ? ""
                : ", rollback time " + RuleReading.number(rollbackTimeSeconds) + " s") + ", after " + elapsed
                + " of virtual time");
        return lines;
    }

    /** The events of one type, in order. */
    public List<TimelineEvent> eventsOf(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
