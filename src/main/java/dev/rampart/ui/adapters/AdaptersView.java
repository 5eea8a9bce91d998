package dev.rampart.ui.adapters;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

/** The Adapters screen: binds the plug-in table, the settings editor and the check result to the view model. */
public final class AdaptersView {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private final AdaptersViewModel viewModel;

    @FXML private Label statusLabel;
    @FXML private Button reloadButton;
    @FXML private TableView<AdapterRow> adaptersTable;
    @FXML private ListView<String> problemsList;
    @FXML private TextArea settingsEditor;
    @FXML private TextArea maskedSettings;
    @FXML private Button validateButton;
    @FXML private Button testButton;
    @FXML private Label resultLabel;

    public AdaptersView(AdaptersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        reloadButton.disableProperty().bind(viewModel.reload().executableProperty().not());
        for (TableColumn<AdapterRow, ?> each : adaptersTable.getColumns()) {
            @SuppressWarnings("unchecked") // every column shows text
            TableColumn<AdapterRow, String> column = (TableColumn<AdapterRow, String>) each;
            String id = column.getId();
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(switch (id) {
                case "kind" -> c.getValue().kind();
                case "type" -> c.getValue().type();
                default -> c.getValue().origin();
            }));
        }
        adaptersTable.setItems(viewModel.rows());
        adaptersTable.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, now) -> viewModel.selectedProperty().set(now));
        problemsList.setItems(viewModel.problems());
        problemsList.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problems()));
        problemsList.managedProperty().bind(problemsList.visibleProperty());
        settingsEditor.textProperty().bindBidirectional(viewModel.settingsTextProperty());
        maskedSettings.textProperty().bind(viewModel.maskedSettingsProperty());
        validateButton.disableProperty().bind(viewModel.validate().executableProperty().not());
        testButton.disableProperty().bind(viewModel.testConnection().executableProperty().not());
        resultLabel.textProperty().bind(viewModel.resultProperty());
        viewModel.outcomeProperty().addListener((obs, old, now) -> {
            resultLabel.pseudoClassStateChanged(OK, now == AdaptersViewModel.Outcome.OK);
            resultLabel.pseudoClassStateChanged(FAILED, now == AdaptersViewModel.Outcome.FAILED);
        });
        viewModel.reload().execute();
    }

    @FXML
    private void reload() {
        viewModel.reload().execute();
    }

    @FXML
    private void validate() {
        viewModel.validate().execute();
    }

    @FXML
    private void testConnection() {
        viewModel.testConnection().execute();
    }
}
