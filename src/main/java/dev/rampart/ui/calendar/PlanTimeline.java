package dev.rampart.ui.calendar;

import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Schedule;
import dev.rampart.domain.plan.Stage;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a plan's stages, decisions and freeze windows fall, read from its schedule: stage k starts when stage k-1 has
 * held its minimum duration. A stage with no minimum (the last, usually) is drawn one hour long.
 */
public final class PlanTimeline {
    static final Duration OPEN_ENDED = Duration.ofHours(1);

    private PlanTimeline() {
    }

    public static ZoneId zone(Plan plan) {
        Schedule s = plan.schedule();
        return s == null || s.timeZone() == null ? java.time.ZoneOffset.UTC : ZoneId.of(s.timeZone());
    }

    /** Stage starts in the plan's zone, one per stage; empty when the plan has no start. */
    public static List<LocalDateTime> stageStarts(Plan plan) {
        if (plan.schedule() == null || plan.schedule().start() == null) {
            return List.of();
        }
        List<LocalDateTime> starts = new ArrayList<>();
        LocalDateTime t = plan.schedule().start();
        for (Stage stage : plan.stages()) {
            starts.add(t);
            t = t.plus(stage.minDurationOrZero());
        }
        return starts;
    }

    public static List<CalendarItem> items(ScheduledPlan scheduled) {
        Plan plan = scheduled.plan();
        ZoneId zone = zone(plan);
        List<LocalDateTime> starts = stageStarts(plan);
        List<CalendarItem> items = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            Stage stage = plan.stages().get(k);
            ZonedDateTime start = starts.get(k).atZone(zone);
            Duration hold = stage.minDurationOrZero().isZero() ? OPEN_ENDED : stage.minDuration();
            items.add(new CalendarItem(CalendarItem.Kind.STAGE, scheduled.planId(), plan.changeId(), k,
                    plan.service() + " · " + stage.name() + " " + percent(stage.trafficPercent()),
                    start, start.plus(hold), k >= scheduled.enteredStages()));
            if (stage.decision() != null) {
                ZonedDateTime at = start.plus(stage.decision().after() == null ? Duration.ZERO : stage.decision().after());
                items.add(new CalendarItem(CalendarItem.Kind.DECISION, scheduled.planId(), plan.changeId(), k,
                        "Go/no-go " + stage.name() + " · " + String.join(", ", stage.decision().roles()),
                        at, at.plusMinutes(30), false));
            }
        }
        if (plan.schedule() != null) {
            for (FreezeWindow w : plan.schedule().freezeWindows()) {
                items.add(new CalendarItem(CalendarItem.Kind.FREEZE, scheduled.planId(), plan.changeId(), -1,
                        "Freeze: " + (w.reason() == null ? plan.changeId() : w.reason()),
                        w.from().atZone(zone), w.to().atZone(zone), false));
            }
        }
        return items;
    }

    static String percent(double p) {
        return java.math.BigDecimal.valueOf(p).stripTrailingZeros().toPlainString() + " %";
    }
}
