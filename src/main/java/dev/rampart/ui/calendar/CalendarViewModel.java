package dev.rampart.ui.calendar;

import dev.rampart.ui.Command;
import dev.rampart.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Calendar screen: every scheduled stage, go/no-go decision and freeze window of the latest plan versions, shown
 * in the user's zone. Moving a stage is checked at once ({@link Reschedule}) and, when allowed, stored as a new
 * plan version in the background.
 */
public final class CalendarViewModel {
    private final PlanSchedules schedules;
    private final TaskRunner tasks;
    private final ZoneId userZone;
    private final Map<Long, ScheduledPlan> plans = new HashMap<>();

    private final ObservableList<CalendarItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper zoneText = new ReadOnlyStringWrapper(this, "zoneText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final javafx.beans.property.ReadOnlyObjectWrapper<java.time.LocalDate> focusDate =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "focusDate");
    private final Command<Void> reload;

    public CalendarViewModel(PlanSchedules schedules, TaskRunner tasks, ZoneId userZone) {
        this.schedules = Objects.requireNonNull(schedules);
        this.tasks = Objects.requireNonNull(tasks);
        this.userZone = Objects.requireNonNull(userZone);
        reload = new Command<>((ignored, done) -> tasks.run("Loading the calendar", schedules::scheduledPlans,
                list -> {
                    show(list);
                    done.run();
                }, failure -> {
                    say("Could not load the calendar: " + failure.getMessage(), true);
                    done.run();
                }));
        describeZones();
    }

    // Properties

    public ObservableList<CalendarItem> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    public ZoneId userZone() {
        return userZone;
    }

    /** "Times in Europe/Berlin (yours) · plans scheduled in Africa/Cairo" */
    public ReadOnlyStringProperty zoneTextProperty() {
        return zoneText.getReadOnlyProperty();
    }

    /** The result of the last move: what changed, or why it was refused. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** The day the calendar opens on: the first stage still to come, or the first stage of all. */
    public javafx.beans.property.ReadOnlyObjectProperty<java.time.LocalDate> focusDateProperty() {
        return focusDate.getReadOnlyProperty();
    }

    // Commands

    public Command<Void> reload() {
        return reload;
    }

    /**
     * A person dropped {@code item} so that it starts at {@code newStart}. Returns false when the move is refused
     * (the view puts the entry back); the reason is in {@link #messageProperty()}.
     */
    public boolean move(CalendarItem item, Instant newStart) {
        ScheduledPlan scheduled = plans.get(item.planId());
        if (scheduled == null || item.kind() != CalendarItem.Kind.STAGE) {
            say("Only stages can be moved; decisions follow their stage and freeze windows are policy.", true);
            return false;
        }
        if (!item.movable()) {
            say(item.title() + " cannot move: its rollout has already been started, and a rollout keeps the "
                    + "schedule it was started with.", true);
            return false;
        }
        LocalDateTime local = LocalDateTime.ofInstant(newStart, PlanTimeline.zone(scheduled.plan()));
        Reschedule.Outcome outcome = Reschedule.move(scheduled.plan(), item.stageIndex(), local);
        if (!outcome.accepted()) {
            say(outcome.refusal(), true);
            return false;
        }
        say(outcome.summary() + " Saving a new plan version…", false);
        tasks.run("Rescheduling " + item.changeId(), () -> {
            schedules.saveVersion(scheduled.planId(), outcome.plan(), outcome.summary());
            return schedules.scheduledPlans();
        }, list -> {
            show(list);
            say(outcome.summary() + " Saved as a new version of " + item.changeId() + ".", false);
        }, failure -> {
            show(new ArrayList<>(plans.values()));
            say("Could not save the new schedule: " + failure.getMessage(), true);
        });
        return true;
    }

    private void show(List<ScheduledPlan> list) {
        plans.clear();
        List<CalendarItem> all = new ArrayList<>();
        for (ScheduledPlan p : list) {
            plans.put(p.planId(), p);
            all.addAll(PlanTimeline.items(p));
        }
        items.setAll(all);
        empty.set(all.isEmpty());
        if (focusDate.get() == null) {
            Instant now = Instant.now();
            all.stream().filter(i -> i.kind() == CalendarItem.Kind.STAGE)
                    .map(i -> i.start().toInstant())
                    .sorted(java.util.Comparator.comparing((Instant t) -> t.isBefore(now)).thenComparing(t -> t))
                    .findFirst()
                    .ifPresent(t -> focusDate.set(t.atZone(userZone).toLocalDate()));
        }
        describeZones();
    }

    private void describeZones() {
        Set<String> zones = new LinkedHashSet<>();
        plans.values().forEach(p -> zones.add(PlanTimeline.zone(p.plan()).getId()));
        String text = "Times in " + userZone.getId() + " (your zone)";
        if (!zones.isEmpty()) {
            text += " · plans scheduled in " + String.join(", ", zones);
        }
        zoneText.set(text);
    }

    private void say(String text, boolean isRefusal) {
        message.set(text);
        refused.set(isRefusal);
    }
}
