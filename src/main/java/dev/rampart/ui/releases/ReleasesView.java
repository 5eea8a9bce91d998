package dev.rampart.ui.releases;

import dev.rampart.engine.PlanSummary;
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

/** The Releases screen: binds the plan table, the import messages and the stage ladder to the view model. */
public final class ReleasesView {
    /** Ctrl+I (Cmd+I on macOS). */
    public static final KeyCombination IMPORT_SHORTCUT = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final int VISIBLE_MESSAGE_ROWS = 6;

    private final ReleasesViewModel viewModel;
    private final PlanFileChooser chooser;

    @FXML private BorderPane root;
    @FXML private Label statusLabel;
    @FXML private Button importButton;
    @FXML private Button reloadButton;
    @FXML private Node problemsPane;
    @FXML private ListView<String> problemsList;
    @FXML private Node defaultsPane;
    @FXML private ListView<String> defaultsList;
    @FXML private TableView<PlanSummary> plansTable;
    @FXML private Label emptyTitle;
    @FXML private Label emptyText;
    @FXML private Label detailTitle;
    @FXML private Label detailSubtitle;
    @FXML private Node stagesBox;
    @FXML private StageLadder ladder;
    @FXML private Label stagesNote;

    public ReleasesView(ReleasesViewModel viewModel, PlanFileChooser chooser) {
        this.viewModel = viewModel;
        this.chooser = chooser;
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        importButton.disableProperty().bind(viewModel.importPlan().executableProperty().not());
        importButton.setTooltip(new Tooltip("Import a plan file, JSON or YAML (" + IMPORT_SHORTCUT.getDisplayText() + ")"));
        reloadButton.disableProperty().bind(viewModel.reload().executableProperty().not());
        bindTable();
        bindMessages();
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
            Window owner = root.getScene() == null ? null : root.getScene().getWindow();
            chooser.choose(owner).ifPresent(viewModel.importPlan()::execute);
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
    private void copyProblems() {
        List<String> selected = problemsList.getSelectionModel().getSelectedItems();
        copy(selected.isEmpty() ? viewModel.problems() : selected);
    }

    private void bindTable() {
        for (TableColumn<PlanSummary, ?> each : plansTable.getColumns()) {
            @SuppressWarnings("unchecked") // every column of the plan table shows text
            TableColumn<PlanSummary, String> column = (TableColumn<PlanSummary, String>) each;
            String id = column.getId();
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(ReleasesViewModel.cellText(id, cell.getValue())));
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
