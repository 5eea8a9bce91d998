package dev.rampart.ui.releases;

import dev.rampart.domain.plan.Plan;
import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.PlanCatalog;
import dev.rampart.engine.PlanSummary;
import dev.rampart.format.Problem;
import dev.rampart.ui.Command;
import dev.rampart.ui.TaskRunner;
import dev.rampart.ui.widgets.StageStep;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Releases screen: every plan with its rollout state, the selected plan's stages, and importing plan files. */
public final class ReleasesViewModel {
    private final PlanCatalog catalog;
    private final TaskRunner tasks;
    /** Full plans imported in this session; listed plans only carry stage names. */
    private final Map<Long, Plan> importedPlans = new HashMap<>();

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
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Command<Void> reload;
    private final Command<Path> importPlan;

    public ReleasesViewModel(PlanCatalog catalog, TaskRunner tasks) {
        this.catalog = Objects.requireNonNull(catalog);
        this.tasks = Objects.requireNonNull(tasks);
        // Loading and importing exclude each other, so a slow load cannot overwrite the list an import just read.
        reload = new Command<>(busy.not(), (ignored, done) -> load(whileBusy(done)));
        importPlan = new Command<>(busy.not(), (file, done) -> importFile(file, whileBusy(done)));
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

    // Commands

    public Command<Void> reload() {
        return reload;
    }

    public Command<Path> importPlan() {
        return importPlan;
    }

    /** Hides the problems and defaults of the last import. */
    public void dismissMessages() {
        problems.clear();
        defaultsApplied.clear();
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

    private void importFile(Path file, Runnable done) {
        String name = String.valueOf(file.getFileName());
        tasks.run("Importing " + name, () -> {
            ImportOutcome outcome = catalog.importFile(file);
            return new Imported(outcome, outcome.ok() ? catalog.plans() : null);
        }, imported -> {
            ImportOutcome outcome = imported.outcome();
            if (outcome.ok()) {
                importedPlans.put(outcome.planId(), outcome.plan());
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
        detailSubtitle.set(plan.service() + " " + plan.version() + " · owner " + orDash(plan.owner()));
        Plan full = importedPlans.get(plan.id());
        stageDetailsKnown.set(full != null);
        stagesNote.set(full != null ? "" : "Only stage names are listed here. Traffic shares and hold times show for "
                + "plans imported in this session.");
        selectedStages.setAll(full != null
                ? full.stages().stream().map(StageStep::of).toList()
                : plan.stages().stream().map(StageStep::named).toList());
    }

    // Cell texts, kept here so they are tested without a window.

    /** The text of a plan-table cell; {@code column} is the column's id in the view. */
    public static String cellText(String column, PlanSummary plan) {
        return switch (column) {
            case "change" -> orDash(plan.changeId());
            case "service" -> orDash(plan.service());
            case "version" -> orDash(plan.version());
            case "owner" -> orDash(plan.owner());
            case "stages" -> stagesText(plan);
            case "state" -> plan.state();
            case "currentStage" -> orDash(plan.currentStage());
            case "nextDecision" -> orDash(plan.nextDecision());
            default -> throw new IllegalArgumentException("No plan column " + column);
        };
    }

    /** {@code 4 · internal_test, friendly_gp, beta, ga} */
    public static String stagesText(PlanSummary plan) {
        return plan.stages().size() + " · " + String.join(", ", plan.stages());
    }

    public static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
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
}
