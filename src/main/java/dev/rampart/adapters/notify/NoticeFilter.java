package dev.rampart.adapters.notify;

import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.Notice;

import java.util.List;
import java.util.Set;

/**
 * Which notices a notifier passes on: by default halts, rollbacks, failed rollbacks, opened circuit breakers and
 * decisions that are due; {@code "events": [...]} chooses others ({@code "*"} is everything).
 */
record NoticeFilter(Set<String> events) {
    static final List<String> DEFAULT = List.of("rollout.halted", "rollout.rolled_back", "rollout.rollback_failed",
            "rollout.circuit_opened", "rollout.alerted", "decision.due", "incident.monitoring_gap");

    static NoticeFilter read(Settings s) throws AdapterException {
        List<String> e = s.strings("events");
        return new NoticeFilter(Set.copyOf(e.isEmpty() ? DEFAULT : e));
    }

    boolean passes(Notice n) {
        return events.contains("*") || events.contains(n.event());
    }
}
