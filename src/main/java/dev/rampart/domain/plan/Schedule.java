package dev.rampart.domain.plan;

import java.time.LocalDateTime;
import java.util.List;

/** When the rollout starts, in which named time zone its times are read, and when nothing may expand. */
public record Schedule(LocalDateTime start, String timeZone, List<FreezeWindow> freezeWindows) {
    public Schedule {
        freezeWindows = Plan.copy(freezeWindows);
    }
}
