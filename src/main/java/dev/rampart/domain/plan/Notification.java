package dev.rampart.domain.plan;

import java.util.List;

/** Who hears about which events: {@code type} is slack, webhook or desktop. */
public record Notification(String type, String target, List<String> events) {
    public Notification {
        events = Plan.copy(events);
    }
}
