package dev.rampart.engine;

import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.Schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The schedule's start and freeze windows, read in its named time zone. */
final class FreezeCalendar {
    private final ZoneId zone;
    private final List<FreezeWindow> windows;
    private final LocalDateTime start;

    FreezeCalendar(Schedule schedule) {
        this.zone = schedule == null || schedule.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(schedule.timeZone());
        this.windows = schedule == null ? List.of() : schedule.freezeWindows();
        this.start = schedule == null ? null : schedule.start();
    }

    /** The freeze window {@code t} falls in, if any. */
    Optional<FreezeWindow> frozen(Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        return windows.stream().filter(w -> w.contains(local)).findFirst();
    }

    /** When the rollout may start: the schedule's start in its zone, or {@code orElse} with none. */
    Instant startAt(Instant orElse) {
        return start == null ? orElse : start.atZone(zone).toInstant();
    }

    ZoneId zone() {
        return zone;
    }
}
