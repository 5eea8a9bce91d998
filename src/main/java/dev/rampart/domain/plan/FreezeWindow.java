package dev.rampart.domain.plan;

import java.time.LocalDateTime;

/** A period, in the schedule's time zone, in which no stage may be entered. Rollback stays allowed. */
public record FreezeWindow(LocalDateTime from, LocalDateTime to, String reason) {
    public boolean contains(LocalDateTime t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
