package dev.rampart.ui.calendar;

import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Schedule;
import dev.rampart.domain.plan.Stage;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moving one stage to a new start, as dragging it on the calendar asks. The first stage moves the plan's start; a
 * later stage changes how long its predecessor holds, so every stage after it moves along. Refused, with the
 * reason, when the new start falls in a freeze window, is not after the predecessor's start, or would make the
 * predecessor hold longer than its maximum.
 */
public final class Reschedule {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    /** Either {@code plan} (the new version) or {@code refusal} is set; {@code summary} says what changed. */
    public record Outcome(Plan plan, String summary, String refusal) {
        public boolean accepted() {
            return plan != null;
        }
    }

    private Reschedule() {
    }

    /** @param newStart the stage's new start in the plan's own time zone */
    public static Outcome move(Plan plan, int stageIndex, LocalDateTime newStart) {
        List<LocalDateTime> starts = PlanTimeline.stageStarts(plan);
        if (stageIndex < 0 || stageIndex >= starts.size()) {
            return refused("the plan has no scheduled stage " + stageIndex);
        }
        Stage stage = plan.stages().get(stageIndex);
        String zone = PlanTimeline.zone(plan).getId();
        Optional<FreezeWindow> freeze = plan.schedule().freezeWindows().stream()
                .filter(w -> w.contains(newStart)).findFirst();
        if (freeze.isPresent()) {
            FreezeWindow w = freeze.get();
            return refused(stage.name() + " cannot start at " + WHEN.format(newStart) + " (" + zone + "): that is inside "
                    + "the freeze window " + (w.reason() == null ? "" : "\"" + w.reason() + "\" ")
                    + "from " + WHEN.format(w.from()) + " to " + WHEN.format(w.to()) + ".");
        }
        if (stageIndex == 0) {
            Schedule s = plan.schedule();
            return accepted(withSchedule(plan, new Schedule(newStart, s.timeZone(), s.freezeWindows())),
                    "The rollout now starts at " + WHEN.format(newStart) + " (" + zone + ").");
        }
        Stage before = plan.stages().get(stageIndex - 1);
        LocalDateTime beforeStart = starts.get(stageIndex - 1);
        if (!newStart.isAfter(beforeStart)) {
            return refused(stage.name() + " cannot start at " + WHEN.format(newStart) + " (" + zone + "): that is not "
                    + "after its predecessor " + before.name() + ", which starts at " + WHEN.format(beforeStart) + ".");
        }
        Duration hold = Duration.between(beforeStart, newStart);
        if (before.maxDuration() != null && hold.compareTo(before.maxDuration()) > 0) {
            return refused(stage.name() + " cannot start at " + WHEN.format(newStart) + ": " + before.name()
                    + " may hold at most " + hours(before.maxDuration()) + ".");
        }
        List<Stage> stages = new ArrayList<>(plan.stages());
        stages.set(stageIndex - 1, before.withMinDuration(hold));
        return accepted(withStages(plan, stages), stage.name() + " now starts at " + WHEN.format(newStart) + " ("
                + zone + "): " + before.name() + " holds " + hours(hold) + ".");
    }

    private static String hours(Duration d) {
        long h = d.toHours();
        int m = d.toMinutesPart();
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    private static Outcome refused(String why) {
        return new Outcome(null, null, why);
    }

    private static Outcome accepted(Plan plan, String summary) {
        return new Outcome(plan, summary, null);
    }

    private static Plan withSchedule(Plan p, Schedule s) {
        return new Plan(p.schema(), p.changeId(), p.service(), p.version(), p.previousVersion(), p.owner(),
                p.description(), p.stages(), p.haltRules(), p.approvals(), p.preconditions(), p.smokeTests(),
                p.rollbackSteps(), s, p.adapter(), p.metrics(), p.notifications(), p.enabled(), p.monitoring(),
                p.watch());
    }

    private static Plan withStages(Plan p, List<Stage> stages) {
        return new Plan(p.schema(), p.changeId(), p.service(), p.version(), p.previousVersion(), p.owner(),
                p.description(), stages, p.haltRules(), p.approvals(), p.preconditions(), p.smokeTests(),
                p.rollbackSteps(), p.schedule(), p.adapter(), p.metrics(), p.notifications(), p.enabled(),
                p.monitoring(), p.watch());
    }
}
