package dev.rampart.ui.rollout;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.KillSwitches;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.RolloutStatus;
import dev.rampart.ui.Command;
import dev.rampart.ui.TaskRunner;
import dev.rampart.ui.charts.ChartMarker;
import dev.rampart.ui.charts.SampleInbox;
import dev.rampart.ui.widgets.StageStep;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The Rollout screen: one rollout's stage ladder, per-cohort traffic (desired and confirmed), kill switches, the last
 * decision explained and its live metrics. Everything the service does runs through the task runners; samples go
 * straight from the background thread into the {@link SampleInbox} the charts drain.
 */
public final class RolloutViewModel {
    private final RolloutService service;
    private final TaskRunner tasks;
    private final TaskRunner quiet;
    private final String user;
    private final ZoneId zone;
    private final SampleInbox inbox = new SampleInbox();
    private final RolloutReader reader;

    private final ObservableList<RolloutChoice> rollouts = FXCollections.observableArrayList();
    private final ObjectProperty<RolloutChoice> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No rollout");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ObservableList<StageStep> stages = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper currentStage = new ReadOnlyIntegerWrapper(this, "currentStage", -1);
    private final ObservableList<CohortTraffic> cohorts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper globalSwitch = new ReadOnlyBooleanWrapper(this, "globalSwitch", true);
    private final ReadOnlyObjectWrapper<DecisionExplanation> decision =
            new ReadOnlyObjectWrapper<>(this, "decision", DecisionExplanation.none());
    private final ObservableList<ChartMarker> markers = FXCollections.observableArrayList();
    private final ObservableList<String> haltRules = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TrafficChange> pendingChange = new ReadOnlyObjectWrapper<>(this, "pendingChange");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final ReadOnlyBooleanWrapper hasRollout = new ReadOnlyBooleanWrapper(this, "hasRollout");
    private final ReadOnlyBooleanWrapper controllable = new ReadOnlyBooleanWrapper(this, "controllable");
    private final ReadOnlyBooleanWrapper faultsInjectable = new ReadOnlyBooleanWrapper(this, "faultsInjectable");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyIntegerWrapper chartEpoch = new ReadOnlyIntegerWrapper(this, "chartEpoch");

    private final Command<Void> refresh;
    private final Command<Void> injectFault;
    private final Command<Void> pauseOrResume;
    private final ObservableList<DesktopNotice> notices = FXCollections.observableArrayList();
    private long shownRollout = -1;
    private long noticedSeq = -1;
    private Instant metricsUntil;

    public RolloutViewModel(RolloutService service, TaskRunner tasks, TaskRunner quiet, String user, ZoneId zone) {
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.quiet = Objects.requireNonNull(quiet);
        this.user = Objects.requireNonNull(user);
        this.zone = Objects.requireNonNull(zone);
        this.reader = new RolloutReader(service, inbox);
        refresh = new Command<>((ignored, done) -> load(done));
        injectFault = new Command<>(faultsInjectable.getReadOnlyProperty(), (ignored, done) -> inject(done));
        pauseOrResume = new Command<>(controllable.getReadOnlyProperty(), (ignored, done) -> pauseOrResume(done));
        selected.addListener((obs, old, now) -> {
            if (now != null && now.id() != shownRollout) {
                refresh.execute();
            }
        });
    }

    // Properties

    public SampleInbox inbox() {
        return inbox;
    }

    public ObservableList<RolloutChoice> rollouts() {
        return rollouts;
    }

    public ObjectProperty<RolloutChoice> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** The rollout state's wire name ({@code running}, {@code rolled_back}), for the state chip. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObservableList<StageStep> stages() {
        return stages;
    }

    public ReadOnlyIntegerProperty currentStageProperty() {
        return currentStage.getReadOnlyProperty();
    }

    public ObservableList<CohortTraffic> cohorts() {
        return cohorts;
    }

    public ReadOnlyBooleanProperty globalSwitchProperty() {
        return globalSwitch.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DecisionExplanation> decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    public ObservableList<ChartMarker> markers() {
        return markers;
    }

    /** The plan's halt rules, for the charts' threshold lines. */
    public ObservableList<String> haltRules() {
        return haltRules;
    }

    /** A slider move waiting for the person to confirm it; null when none. */
    public ReadOnlyObjectProperty<TrafficChange> pendingChangeProperty() {
        return pendingChange.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasRolloutProperty() {
        return hasRollout.getReadOnlyProperty();
    }

    /** True while the rollout runs or is paused: sliders, switches and pause/resume apply. */
    public ReadOnlyBooleanProperty controllableProperty() {
        return controllable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty faultsInjectableProperty() {
        return faultsInjectable.getReadOnlyProperty();
    }

    /** Halts, rollbacks and decisions due since the screen first read the rollout, for desktop notifications. */
    public ObservableList<DesktopNotice> notices() {
        return notices;
    }

    /** Changes when another rollout is shown: the charts start afresh. */
    public ReadOnlyIntegerProperty chartEpochProperty() {
        return chartEpoch.getReadOnlyProperty();
    }

    // Commands

    /** Re-reads the rollout and its newest metrics (the window calls this every second). */
    public Command<Void> refresh() {
        return refresh;
    }

    /** Demo only: the newest cohort's error rate jumps to 5 %, so a halt rule trips and the rollout rolls back. */
    public Command<Void> injectFault() {
        return injectFault;
    }

    public Command<Void> pauseOrResume() {
        return pauseOrResume;
    }

    /** The slider was let go at {@code percent}: ask for confirmation unless nothing changes. */
    public void requestTraffic(CohortTraffic cohort, double percent) {
        double from = Double.isNaN(cohort.confirmedProperty().get()) ? cohort.planPercent() : cohort.confirmedProperty().get();
        double to = Math.round(percent * 10) / 10.0;
        if (!controllable.get() || !cohort.adjustableProperty().get() || Math.abs(to - from) < 0.05) {
            cohort.desiredProperty().set(from);
            return;
        }
        pendingChange.set(new TrafficChange(cohort.name(), from, to));
    }

    public void cancelTraffic() {
        TrafficChange change = pendingChange.get();
        pendingChange.set(null);
        if (change != null) {
            cohort(change.cohort()).desiredProperty().set(change.from());
            say("Kept " + change.cohort() + " at " + CohortTraffic.percentText(change.from()) + ".", false);
        }
    }

    public void confirmTraffic() {
        TrafficChange change = pendingChange.get();
        if (change == null) {
            return;
        }
        pendingChange.set(null);
        CohortTraffic row = cohort(change.cohort());
        row.desiredProperty().set(change.to());
        row.setApplying(true);
        long id = shownRollout;
        say("Applying " + change.cohort() + " " + CohortTraffic.percentText(change.to()) + " through the adapter…", false);
        tasks.run("Moving " + change.cohort() + " to " + CohortTraffic.percentText(change.to()), () -> {
            service.setTraffic(id, change.cohort(), change.to(), user);
            return service.status(id);
        }, status -> {
            row.setApplying(false);
            show(status);
            double confirmed = row.confirmedProperty().get();
            boolean same = Math.abs(confirmed - change.to()) < 0.05;
            say(same ? "The adapter confirmed " + change.cohort() + " at " + CohortTraffic.percentText(confirmed) + "."
                    : "The adapter did not confirm the change: " + change.cohort() + " is at "
                    + CohortTraffic.percentText(confirmed) + ". See the Audit screen for what it answered.", !same);
        }, failure -> {
            row.setApplying(false);
            row.desiredProperty().set(change.from());
            say("Not applied: " + reason(failure), true);
        });
    }

    /** Turns a kill switch off or on; {@code cohort} null is the global one (off rolls back). */
    public void setKillSwitch(String cohort, boolean on) {
        long id = shownRollout;
        String flag = KillSwitches.flagName(cohort);
        tasks.run((on ? "Turning on " : "Turning off ") + flag, () -> {
            service.setKillSwitch(id, cohort, on, user);
            return service.status(id);
        }, status -> {
            show(status);
            say(flag + " is " + (on ? "on" : "off") + ".", false);
        }, failure -> {
            say("Kill switch not changed: " + reason(failure), true);
            refresh.execute();
        });
    }

    private void load(Runnable done) {
        RolloutChoice choice = selected.get();
        Long wanted = choice == null ? null : choice.id();
        Instant after = wanted != null && wanted == shownRollout ? metricsUntil : null;
        quiet.run("Refreshing the rollout", () -> reader.read(wanted, after), snapshot -> {
            apply(snapshot);
            done.run();
        }, failure -> {
            say("Could not read the rollout: " + reason(failure), true);
            done.run();
        });
    }

    private void apply(RolloutReader.Snapshot s) {
        rollouts.setAll(s.choices());
        if (s.status() == null) {
            hasRollout.set(false);
            title.set("No rollout yet");
            subtitle.set("Start one from the Releases screen, or open the demo workspace.");
            return;
        }
        metricsUntil = s.metricsUntil();
        show(s.status());
        long id = s.status().rollout().id();
        s.choices().stream().filter(c -> c.id() == id).findFirst().ifPresent(selected::set);
    }

    private void show(RolloutStatus status) {
        Rollout r = status.rollout();
        Plan plan = status.plan();
        if (r.id() != shownRollout) {
            shownRollout = r.id();
            cohorts.setAll(plan.stages().stream().map(st -> new CohortTraffic(st.name(), st.trafficPercent())).toList());
            stages.setAll(plan.stages().stream().map(StageStep::of).toList());
            haltRules.setAll(plan.haltRules());
            chartEpoch.set(chartEpoch.get() + 1);
            noticedSeq = -1; // what happened before this rollout was shown is not news
        }
        hasRollout.set(true);
        title.set(plan.changeId() + " · " + plan.service() + " " + plan.version());
        String stage = status.currentStage();
        subtitle.set("Rollout #" + r.id() + " · started by " + r.startedBy() + " · "
                + (stage == null ? "no stage entered yet" : "stage " + (r.stageIndex() + 1) + " of "
                + plan.stages().size() + ": " + stage) + " · adapter " + plan.adapter().type());
        state.set(r.state().wireName());
        currentStage.set(r.stageIndex());
        boolean canControl = r.state() == RolloutState.RUNNING || r.state() == RolloutState.PAUSED;
        controllable.set(canControl);
        paused.set(r.state() == RolloutState.PAUSED);
        globalSwitch.set(status.killSwitches().getOrDefault(KillSwitches.flagName(null), true));
        faultsInjectable.set(status.faultsInjectable() && r.state().isLive() && r.stageIndex() >= 0);
        for (int i = 0; i < cohorts.size(); i++) {
            CohortTraffic row = cohorts.get(i);
            boolean on = status.killSwitches().getOrDefault(KillSwitches.flagName(row.name()), true);
            double confirmed = status.confirmedTraffic() == null ? Double.NaN
                    : status.confirmedTraffic().weight(row.name());
            // A slider waiting for the person's confirmation stays where they let it go.
            TrafficChange waiting = pendingChange.get();
            double desired = waiting != null && waiting.cohort().equals(row.name()) ? waiting.to()
                    : CohortTraffic.desired(status, i);
            row.update(desired, confirmed, canControl && i <= r.stageIndex() && on, on);
        }
        decision.set(DecisionExplanation.of(status.events(), zone));
        long newest = status.events().isEmpty() ? 0 : status.events().get(status.events().size() - 1).seq();
        if (noticedSeq >= 0) {
            notices.addAll(DesktopNotice.among(status.events(), noticedSeq, plan.changeId()));
        }
        noticedSeq = Math.max(noticedSeq, newest);
        markers.setAll(ChartFeed.markers(status.events()));
    }

    private void inject(Runnable done) {
        long id = shownRollout;
        String cohort = cohorts.get(Math.max(0, currentStage.get())).name();
        tasks.run("Injecting a fault into " + cohort, () -> {
            service.injectFault(id, cohort, "error_rate", 0.05);
            return null;
        }, ignored -> {
            say("Injected a fault: " + cohort + "'s error rate is now 5 %. Watch the error-rate chart: a halt rule "
                    + "on error_rate trips once the breach has held for its window, and the rollout rolls back.", false);
            done.run();
        }, failure -> {
            say("No fault injected: " + reason(failure), true);
            done.run();
        });
    }

    private void pauseOrResume(Runnable done) {
        long id = shownRollout;
        boolean resume = paused.get();
        tasks.run(resume ? "Resuming" : "Pausing", () -> {
            if (resume) {
                service.resume(id, user);
            } else {
                service.pause(id, user, "paused from the console");
            }
            return service.status(id);
        }, status -> {
            show(status);
            say(resume ? "Resumed." : "Paused: the rollout holds where it is; halt rules are still watched.", false);
            done.run();
        }, failure -> {
            say((resume ? "Not resumed: " : "Not paused: ") + reason(failure), true);
            done.run();
        });
    }

    private CohortTraffic cohort(String name) {
        return cohorts.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void say(String text, boolean isRefusal) {
        message.set(text);
        refused.set(isRefusal);
    }

    static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
