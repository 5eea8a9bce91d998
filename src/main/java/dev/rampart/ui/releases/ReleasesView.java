package dev.rampart.ui.releases;

import dev.rampart.engine.PlanSummary;
import dev.rampart.ui.Dialogs;
import dev.rampart.ui.Shortcuts;
import dev.rampart.ui.widgets.FullTextCell;
import dev.rampart.ui.widgets.StageLadder;
import dev.rampart.ui.widgets.StateChipCell;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

import java.util.List;
import java.util.function.LongConsumer;

/** The Releases screen: binds the plan table, the messages, the stage ladder and the plan's actions. */
public final class ReleasesView {
    /** Ctrl+I (Cmd+I on macOS). */
    public static final KeyCombination IMPORT_SHORTCUT = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination START_SHORTCUT = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination EXPORT_SHORTCUT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination EVIDENCE_SHORTCUT = new KeyCodeCombination(KeyCode.E,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final int VISIBLE_MESSAGE_ROWS = 6;

    private final ReleasesViewModel viewModel;
    private final PlanFileChooser chooser;
    private final Dialogs dialogs;
    private final Shortcuts shortcuts;
    private final LongConsumer openRollout;

    @FXML private BorderPane root;
    @FXML private Label statusLabel;
    @FXML private Button importButton;
    @FXML private Button reloadButton;
    @FXML private Node problemsPane;
    @FXML private ListView<String> problemsList;
    @FXML private Node defaultsPane;
    @FXML private ListView<String> defaultsList;
    @FXML private Node noticePane;
    @FXML private Label noticeLabel;
    @FXML private Button copyPathButton;
    @FXML private TableView<PlanSummary> plansTable;
    @FXML private Label emptyTitle;
    @FXML private Label emptyText;
    @FXML private Label detailTitle;
    @FXML private Label detailSubtitle;
    @FXML private Node stagesBox;
    @FXML private StageLadder ladder;
    @FXML private Label stagesNote;
    @FXML private Button startButton;
    @FXML private Button exportButton;
    @FXML private Button evidenceButton;
    @FXML private Node planActions;

    /**
     * @param dialogs     the window's in-window sheet, for the checklist shown before a start
     * @param shortcuts   the window's shortcuts, to which this screen adds its own (they act while it is shown)
     * @param openRollout shows a rollout this screen started on the Rollout screen
     */
    public ReleasesView(ReleasesViewModel viewModel, PlanFileChooser chooser, Dialogs dialogs, Shortcuts shortcuts,
                        LongConsumer openRollout) {
        this.viewModel = viewModel;
        this.chooser = chooser;
        this.dialogs = dialogs;
        this.shortcuts = shortcuts;
        this.openRollout = openRollout;
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        importButton.disableProperty().bind(viewModel.importPlan().executableProperty().not());
        importButton.setTooltip(new Tooltip("Import a plan file, JSON or YAML (" + IMPORT_SHORTCUT.getDisplayText() + ")"));
        reloadButton.disableProperty().bind(viewModel.reload().executableProperty().not());
        bindTable();
        bindMessages();
        bindActions();
        detailTitle.textProperty().bind(viewModel.detailTitleProperty());
        detailSubtitle.textProperty().bind(viewModel.detailSubtitleProperty());
        Bindings.bindContent(ladder.getSteps(), viewModel.selectedStages());
        showWhen(stagesBox, Bindings.isNotEmpty(viewModel.selectedStages()));
        stagesNote.textProperty().bind(viewModel.stagesNoteProperty());
        showWhen(stagesNote, Bindings.isNotEmpty(viewModel.stagesNoteProperty()));
        viewModel.reload().execute();
    }

    /** Asks for a plan file and imports it; does nothing while an import or a reload runs. */
    @FXML
    public void importPlan() {
        if (viewModel.importPlan().isExecutable()) {
            chooser.choose(owner()).ifPresent(viewModel.importPlan()::execute);
        }
    }

    /** Shows the selected plan's checklist; the rollout starts once the person confirms it. */
    @FXML
    public void startRollout() {
        viewModel.startRollout().execute();
    }

    @FXML
    public void exportPlan() {
        if (viewModel.exportPlan().isExecutable()) {
            chooser.chooseExport(owner(), viewModel.suggestedExportName()).ifPresent(viewModel.exportPlan()::execute);
        }
    }

    @FXML
    public void exportEvidence() {
        if (viewModel.exportEvidence().isExecutable()) {
            chooser.chooseEvidenceFolder(owner()).ifPresent(viewModel.exportEvidence()::execute);
        }
    }

    @FXML
    private void reload() {
        viewModel.reload().execute();
    }

    @FXML
    private void dismissMessages() {
        viewModel.dismissMessages();
    }

    @FXML
    private void dismissNotice() {
        viewModel.dismissNotice();
    }

    @FXML
    private void copyNoticePath() {
        copy(List.of(viewModel.noticePathProperty().get()));
    }

    @FXML
    private void copyProblems() {
        List<String> selected = problemsList.getSelectionModel().getSelectedItems();
        copy(selected.isEmpty() ? viewModel.problems() : selected);
    }

    private void bindActions() {
        showWhen(planActions, viewModel.selectedPlanProperty().isNotNull());
        startButton.disableProperty().bind(viewModel.startRollout().executableProperty().not());
        exportButton.disableProperty().bind(viewModel.exportPlan().executableProperty().not());
        evidenceButton.disableProperty().bind(viewModel.exportEvidence().executableProperty().not());
        startButton.setTooltip(new Tooltip("Shows the preconditions, then starts a rollout of this plan ("
                + START_SHORTCUT.getDisplayText() + ")"));
        exportButton.setTooltip(new Tooltip("Write this plan in Rampart's format, JSON or YAML ("
                + EXPORT_SHORTCUT.getDisplayText() + ")"));
        evidenceButton.setTooltip(new Tooltip("Write the evidence pack of this plan's latest rollout ("
                + EVIDENCE_SHORTCUT.getDisplayText() + ")"));
        viewModel.startChecklistProperty().addListener((obs, old, checklist) -> {
            if (checklist != null) {
                dialogs.confirm(new Dialogs.Confirmation(checklist.title(), checklist.message(), "Start rollout",
                        false), StartSheet.of(checklist), null, viewModel::confirmStart, viewModel::cancelStart);
            }
        });
        viewModel.startedRolloutProperty().addListener((obs, old, id) -> {
            if (id != null) {
                openRollout.accept(id);
            }
        });
        // Screen shortcuts act only while this screen is shown: the selection they act on is on it.
        shortcuts.add(START_SHORTCUT, "Start a rollout of the selected plan (Releases; checklist first)",
                whenShown(this::startRollout));
        shortcuts.add(EXPORT_SHORTCUT, "Export the selected plan (Releases)", whenShown(this::exportPlan));
        shortcuts.add(EVIDENCE_SHORTCUT, "Export the evidence of the plan's latest rollout (Releases)",
                whenShown(this::exportEvidence));
    }

    private Runnable whenShown(Runnable action) {
        return () -> {
            if (root.getScene() != null) {
                action.run();
            }
        };
    }

    private void bindTable() {
        for (TableColumn<PlanSummary, ?> each : plansTable.getColumns()) {
            @SuppressWarnings("unchecked") // every column of the plan table shows text
            TableColumn<PlanSummary, String> column = (TableColumn<PlanSummary, String>) each;
            String id = column.getId();
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(PlanCells.cellText(id, cell.getValue())));
            column.setCellFactory(c -> "state".equals(id) ? new StateChipCell<>() : new FullTextCell<>());
        }
        emptyTitle.textProperty().bind(viewModel.emptyTitleProperty());
        emptyText.textProperty().bind(viewModel.emptyTextProperty());
        SortedList<PlanSummary> sorted = new SortedList<>(viewModel.plans());
        sorted.comparatorProperty().bind(plansTable.comparatorProperty());
        plansTable.setItems(sorted);
        plansTable.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, now) -> viewModel.selectedPlanProperty().set(now));
        viewModel.selectedPlanProperty().addListener((obs, old, now) -> {
            if (now == null) {
                plansTable.getSelectionModel().clearSelection();
            } else if (plansTable.getSelectionModel().getSelectedItem() != now) {
                plansTable.getSelectionModel().select(now);
                plansTable.scrollTo(now);
            }
        });
    }

    private void bindMessages() {
        problemsList.setItems(viewModel.problems());
        problemsList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        problemsList.setOnKeyPressed(event -> {
            if (COPY.match(event)) {
                copyProblems();
                event.consume();
            }
        });
        defaultsList.setItems(viewModel.defaultsApplied());
        for (ListView<String> list : List.of(problemsList, defaultsList)) {
            list.prefHeightProperty().bind(Bindings.min(VISIBLE_MESSAGE_ROWS, Bindings.size(list.getItems()))
                    .multiply(list.getFixedCellSize()).add(4));
        }
        showWhen(problemsPane, Bindings.isNotEmpty(viewModel.problems()));
        showWhen(defaultsPane, Bindings.isNotEmpty(viewModel.defaultsApplied()));
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        showWhen(noticePane, Bindings.isNotEmpty(viewModel.noticeProperty()));
        showWhen(copyPathButton, Bindings.isNotEmpty(viewModel.noticePathProperty()));
        viewModel.noticeRefusedProperty().addListener((obs, old, refused) -> styleNotice(refused));
        styleNotice(viewModel.noticeRefusedProperty().get());
    }

    private void styleNotice(boolean refused) {
        noticePane.getStyleClass().removeAll("danger", "info");
        noticePane.getStyleClass().add(refused ? "danger" : "info");
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static void copy(List<String> lines) {
        ClipboardContent content = new ClipboardContent();
        content.putString(String.join(System.lineSeparator(), lines));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
