package dev.rampart.ui.releases;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.PlanCatalog;
import dev.rampart.engine.PlanSummary;
import dev.rampart.engine.access.NotPermittedException;
import dev.rampart.format.Problem;
import dev.rampart.ui.Command;
import dev.rampart.ui.TaskRunner;
import dev.rampart.ui.widgets.StageStep;
import javafx.beans.property.BooleanProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Releases screen: every plan with its rollout state and the selected plan's stages; importing and exporting
 * plan files, starting a rollout after its checklist, and exporting the evidence of a plan's latest rollout.
 */
public final class ReleasesViewModel {
    private final PlanCatalog catalog;
    private final TaskRunner tasks;
    private final ReleaseActions actions;
    /** Full plans read so far; a stored plan never changes (a new version is a new plan). */
    private final Map<Long, Plan> fullPlans = new ConcurrentHashMap<>();

    private final ObservableList<PlanSummary> plans = FXCollections.observableArrayList();
    private final ObjectProperty<PlanSummary> selectedPlan = new SimpleObjectProperty<>(this, "selectedPlan");
    private final ObservableList<StageStep> selectedStages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper(this, "detailTitle");
    private final ReadOnlyStringWrapper detailSubtitle = new ReadOnlyStringWrapper(this, "detailSubtitle");
    private final ReadOnlyBooleanWrapper stageDetailsKnown = new ReadOnlyBooleanWrapper(this, "stageDetailsKnown");
    private final ReadOnlyStringWrapper stagesNote = new ReadOnlyStringWrapper(this, "stagesNote", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> defaultsApplied = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ObservableList<PlanSummary> plansView = FXCollections.unmodifiableObservableList(plans);
    private final ObservableList<StageStep> selectedStagesView = FXCollections.unmodifiableObservableList(selectedStages);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<String> defaultsAppliedView = FXCollections.unmodifiableObservableList(defaultsApplied);

    private final ReadOnlyStringWrapper emptyTitle = new ReadOnlyStringWrapper(this, "emptyTitle");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper noticeRefused = new ReadOnlyBooleanWrapper(this, "noticeRefused");
    private final ReadOnlyStringWrapper noticePath = new ReadOnlyStringWrapper(this, "noticePath", "");
    private final ReadOnlyObjectWrapper<StartChecklist> startChecklist =
            new ReadOnlyObjectWrapper<>(this, "startChecklist");
    private final ReadOnlyObjectWrapper<Long> startedRollout = new ReadOnlyObjectWrapper<>(this, "startedRollout");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Command<Void> reload;
    private final Command<Path> importPlan;
    private final Command<Path> exportPlan;
    private final Command<Void> startRollout;
    private final Command<Path> exportEvidence;

    /** A screen that lists, imports and exports plans, but starts nothing. */
    public ReleasesViewModel(PlanCatalog catalog, TaskRunner tasks) {
        this(catalog, tasks, null);
    }

    /** @param actions starting rollouts and exporting evidence; null: those commands are never executable */
    public ReleasesViewModel(PlanCatalog catalog, TaskRunner tasks, ReleaseActions actions) {
        this.catalog = Objects.requireNonNull(catalog);
        this.tasks = Objects.requireNonNull(tasks);
        this.actions = actions;
        // One thing at a time: a slow load cannot overwrite the list an import or a start just read.
        reload = new Command<>(busy.not(), (ignored, done) -> load(whileBusy(done)));
        importPlan = new Command<>(busy.not(), (file, done) -> importFile(file, whileBusy(done)));
        var planChosen = Bindings.createBooleanBinding(() -> selectedPlan.get() != null && !busy.get(),
                selectedPlan, busy);
        exportPlan = new Command<>(planChosen, (file, done) -> exportTo(file, whileBusy(done)));
        var canAct = Bindings.createBooleanBinding(() -> actions != null && planChosen.get()
                && startChecklist.get() == null, planChosen, startChecklist);
        startRollout = new Command<>(canAct, (ignored, done) -> readChecklist(whileBusy(done)));
        exportEvidence = new Command<>(Bindings.createBooleanBinding(() -> canAct.get()
                && !"draft".equals(selectedPlan.get().state()), canAct, selectedPlan),
                (dir, done) -> writeEvidence(dir, whileBusy(done)));
        reload.runningProperty().addListener((obs, old, loading) -> describeEmptyList(loading));
        describeEmptyList(false);
        selectedPlan.addListener((obs, old, now) -> describe(now));
        describe(null);
    }

    // Properties

    public ObservableList<PlanSummary> plans() {
        return plansView;
    }

    public ObjectProperty<PlanSummary> selectedPlanProperty() {
        return selectedPlan;
    }

    public ObservableList<StageStep> selectedStages() {
        return selectedStagesView;
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailSubtitleProperty() {
        return detailSubtitle.getReadOnlyProperty();
    }

    /** False when the selected plan's stages are known by name only. */
    public ReadOnlyBooleanProperty stageDetailsKnownProperty() {
        return stageDetailsKnown.getReadOnlyProperty();
    }

    /** Says why the ladder shows names only; empty when there is nothing to say. */
    public ReadOnlyStringProperty stagesNoteProperty() {
        return stagesNote.getReadOnlyProperty();
    }

    /** Why the last import was refused, one {@code FILE:LINE:COL: message} per line. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** The defaults the last successful import applied ("stage canary: min_duration 30 min"). */
    public ObservableList<String> defaultsApplied() {
        return defaultsAppliedView;
    }

    /** What the table says when it has no rows: loading, or how to import the first plan. */
    public ReadOnlyStringProperty emptyTitleProperty() {
        return emptyTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** The outcome of the last export or start, or why the service refused it; empty when there is none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True when the notice says something was refused or failed. */
    public ReadOnlyBooleanProperty noticeRefusedProperty() {
        return noticeRefused.getReadOnlyProperty();
    }

    /** The file the notice is about (the exported plan, the pack's report.html); empty when none. */
    public ReadOnlyStringProperty noticePathProperty() {
        return noticePath.getReadOnlyProperty();
    }

    /** The checklist to confirm before a rollout starts; null while nothing is being started. */
    public ReadOnlyObjectProperty<StartChecklist> startChecklistProperty() {
        return startChecklist.getReadOnlyProperty();
    }

    /** The id of the rollout this screen started last, to open it on the Rollout screen. */
    public ReadOnlyObjectProperty<Long> startedRolloutProperty() {
        return startedRollout.getReadOnlyProperty();
    }

    /** The file name the export dialog suggests: the change id as JSON. */
    public String suggestedExportName() {
        PlanSummary plan = selectedPlan.get();
        return (plan == null ? "plan" : plan.changeId().replaceAll("[^A-Za-z0-9._-]", "_")) + ".json";
    }

    // Commands

    public Command<Void> reload() {
        return reload;
    }

    public Command<Path> importPlan() {
        return importPlan;
    }

    /** Writes the selected plan to a file in Rampart's own format (by its extension, JSON or YAML). */
    public Command<Path> exportPlan() {
        return exportPlan;
    }

    /** Reads the selected plan's checklist into {@link #startChecklistProperty()}; the person then confirms. */
    public Command<Void> startRollout() {
        return startRollout;
    }

    /** Writes the evidence pack of the selected plan's latest rollout into (a new folder in) a folder. */
    public Command<Path> exportEvidence() {
        return exportEvidence;
    }

    /** Starts the rollout whose checklist is shown, as the person at the console. */
    public void confirmStart() {
        StartChecklist checklist = startChecklist.get();
        if (checklist == null || busy.get()) {
            return;
        }
        startChecklist.set(null);
        Runnable done = whileBusy(() -> { });
        tasks.run("Starting " + checklist.changeId(), () -> {
            Rollout started = actions.start(checklist.planId());
            return new Started(started, catalog.plans());
        }, started -> {
            show(started.plans(), checklist.planId());
            say("Started rollout #" + started.rollout().id() + " of " + checklist.changeId() + " ("
                    + started.rollout().state().wireName() + ").", false, "");
            done.run();
            startedRollout.set(started.rollout().id());
        }, failure -> {
            say((failure instanceof NotPermittedException ? "Not started: " : "Could not start the rollout: ")
                    + reason(failure), true, "");
            done.run();
        });
    }

    /** Closes the checklist without starting anything. */
    public void cancelStart() {
        startChecklist.set(null);
    }

    /** Hides the problems and defaults of the last import. */
    public void dismissMessages() {
        problems.clear();
        defaultsApplied.clear();
    }

    public void dismissNotice() {
        say("", false, "");
    }

    private Runnable whileBusy(Runnable done) {
        busy.set(true);
        return () -> {
            busy.set(false);
            done.run();
        };
    }

    private void load(Runnable done) {
        tasks.run("Loading plans", catalog::plans, list -> {
            PlanSummary selected = selectedPlan.get();
            show(list, selected == null ? null : selected.id());
            statusMessage.set(countText(list.size()));
            done.run();
        }, failure -> {
            statusMessage.set("Could not load the plans: " + reason(failure));
            done.run();
        });
    }

    private void exportTo(Path file, Runnable done) {
        PlanSummary plan = selectedPlan.get();
        tasks.run("Exporting " + plan.changeId(), () -> {
            catalog.export(plan.id(), file);
            return file.toAbsolutePath();
        }, written -> {
            say("Exported " + plan.changeId() + " to " + written, false, written.toString());
            done.run();
        }, failure -> {
            say("Could not export " + plan.changeId() + ": " + reason(failure), true, "");
            done.run();
        });
    }

    private void readChecklist(Runnable done) {
        PlanSummary plan = selectedPlan.get();
        tasks.run("Reading the checklist of " + plan.changeId(),
                () -> actions.checklist(plan.id(), fullPlan(plan.id()), ZoneId.systemDefault()), checklist -> {
            done.run();
            startChecklist.set(checklist);
        }, failure -> {
            say("Could not read the checklist of " + plan.changeId() + ": " + reason(failure), true, "");
            done.run();
        });
    }

    private void writeEvidence(Path chosen, Runnable done) {
        PlanSummary plan = selectedPlan.get();
        tasks.run("Exporting the evidence of " + plan.changeId(),
                () -> actions.exportEvidence(plan.id(), plan.changeId(), chosen), pack -> {
            say("Evidence pack of rollout #" + pack.rolloutId() + " written: open " + pack.report(), false,
                    pack.report().toString());
            done.run();
        }, failure -> {
            say("Could not export the evidence of " + plan.changeId() + ": " + reason(failure), true, "");
            done.run();
        });
    }

    /** Off the FX thread only. */
    private Plan fullPlan(long id) {
        Plan cached = fullPlans.get(id);
        if (cached != null) {
            return cached;
        }
        Plan read = catalog.plan(id).orElseThrow(() -> new IllegalStateException("The plan is no longer stored"));
        fullPlans.put(id, read);
        return read;
    }

    private void say(String text, boolean refused, String path) {
        notice.set(text);
        noticeRefused.set(refused);
        noticePath.set(path);
    }

    private void importFile(Path file, Runnable done) {
        String name = String.valueOf(file.getFileName());
        tasks.run("Importing " + name, () -> {
            ImportOutcome outcome = catalog.importFile(file);
            return new Imported(outcome, outcome.ok() ? catalog.plans() : null);
        }, imported -> {
            ImportOutcome outcome = imported.outcome();
            if (outcome.ok()) {
                fullPlans.put(outcome.planId(), outcome.plan());
                problems.clear();
                defaultsApplied.setAll(outcome.defaultsApplied());
                show(imported.plans(), outcome.planId());
                statusMessage.set("Imported " + name + " as " + outcome.plan().changeId() + " · "
                        + countText(imported.plans().size()));
            } else {
                defaultsApplied.clear();
                problems.setAll(outcome.problems().stream().map(Problem::toString).toList());
                statusMessage.set(name + " was not imported: " + problemCount(outcome.problems().size()));
            }
            done.run();
        }, failure -> {
            defaultsApplied.clear();
            problems.setAll(name + ": could not be imported: " + reason(failure));
            statusMessage.set(name + " was not imported");
            done.run();
        });
    }

    private void show(List<PlanSummary> list, Long selectId) {
        plans.setAll(list);
        selectedPlan.set(list.stream().filter(p -> selectId != null && p.id() == selectId).findFirst().orElse(null));
    }

    private void describeEmptyList(boolean loading) {
        emptyTitle.set(loading ? "Loading plans…" : "No plans yet");
        emptyText.set(loading ? "" : "Import a rollout plan (JSON or YAML) with Import plan… or Ctrl+I.");
    }

    private void describe(PlanSummary plan) {
        if (plan == null) {
            detailTitle.set("No plan selected");
            detailSubtitle.set("Select a plan to see its stages.");
            selectedStages.clear();
            stageDetailsKnown.set(false);
            stagesNote.set("");
            return;
        }
        detailTitle.set(plan.changeId());
        detailSubtitle.set(plan.service() + " " + plan.version() + " · owner " + PlanCells.orDash(plan.owner()));
        Plan full = fullPlans.get(plan.id());
        if (full != null) {
            showStages(full);
            return;
        }
        // Names first; traffic shares and hold times once the stored plan has been read.
        stageDetailsKnown.set(false);
        stagesNote.set("");
        selectedStages.setAll(plan.stages().stream().map(StageStep::named).toList());
        tasks.run("Reading " + plan.changeId(), () -> catalog.plan(plan.id()), read -> {
            read.ifPresent(p -> fullPlans.put(plan.id(), p));
            if (selectedPlan.get() == plan) {
                read.ifPresentOrElse(this::showStages,
                        () -> stagesNote.set("This plan is no longer in the store; only its stage names are known."));
            }
        }, failure -> {
            if (selectedPlan.get() == plan) {
                stagesNote.set("Only stage names are listed: the plan could not be read (" + reason(failure) + ").");
            }
        });
    }

    private void showStages(Plan full) {
        stageDetailsKnown.set(true);
        stagesNote.set("");
        selectedStages.setAll(full.stages().stream().map(StageStep::of).toList());
    }

    private static String countText(int count) {
        return count == 0 ? "No plans" : count == 1 ? "1 plan" : count + " plans";
    }

    private static String problemCount(int count) {
        return count == 1 ? "1 problem" : count + " problems";
    }

    private static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private record Imported(ImportOutcome outcome, List<PlanSummary> plans) {
    }

    private record Started(Rollout rollout, List<PlanSummary> plans) {
    }

}
