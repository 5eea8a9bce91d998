package dev.rampart.ui.checklists;

import dev.rampart.ui.Dialogs;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Map;
import java.util.function.Function;

/** The Checklists screen: the table of items, and the signing form (passphrase asked every time). */
public final class ChecklistsView {
    private static final Map<ChecklistRow.Status, PseudoClass> STATES = Map.of(
            ChecklistRow.Status.SIGNED, PseudoClass.getPseudoClass("signed-off"),
            ChecklistRow.Status.PARTLY, PseudoClass.getPseudoClass("partly"),
            ChecklistRow.Status.STALE, PseudoClass.getPseudoClass("stale"));

    private final ChecklistsViewModel viewModel;
    private final Dialogs dialogs;
    private final String user;

    @FXML private ComboBox<dev.rampart.ui.rollout.RolloutChoice> rolloutPicker;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private Button signButton;
    @FXML private TableView<ChecklistRow> table;
    @FXML private TableColumn<ChecklistRow, String> listColumn;
    @FXML private TableColumn<ChecklistRow, String> itemColumn;
    @FXML private TableColumn<ChecklistRow, String> rolesColumn;
    @FXML private TableColumn<ChecklistRow, String> signedByColumn;
    @FXML private TableColumn<ChecklistRow, String> whenColumn;
    @FXML private TableColumn<ChecklistRow, String> commentColumn;
    @FXML private TableColumn<ChecklistRow, String> statusColumn;

    public ChecklistsView(ChecklistsViewModel viewModel, Dialogs dialogs, String user) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.user = user;
    }

    @FXML
    private void initialize() {
        rolloutPicker.setItems(viewModel.rollouts());
        rolloutPicker.valueProperty().bindBidirectional(viewModel.selectedProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(messageLabel.textProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        viewModel.refusedProperty().addListener((o, was, now) ->
                messageLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("refused"), now));
        table.setItems(viewModel.rows());
        column(listColumn, ChecklistRow::list);
        column(itemColumn, ChecklistRow::text);
        column(rolesColumn, ChecklistRow::rolesText);
        column(signedByColumn, ChecklistRow::signedBy);
        column(whenColumn, ChecklistRow::when);
        column(commentColumn, ChecklistRow::comment);
        column(statusColumn, ChecklistRow::statusText);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ChecklistRow row, boolean empty) {
                super.updateItem(row, empty);
                STATES.forEach((status, pc) -> pseudoClassStateChanged(pc, !empty && row != null && row.status() == status));
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                signSelected();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                signSelected();
            }
        });
        signButton.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        signButton.setOnAction(e -> signSelected());
        viewModel.reload().execute();
    }

    /** Asks for signer, role, passphrase and comment; the service decides. */
    public void signSelected() {
        ChecklistRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        SignForm form = new SignForm(viewModel.people(), user, row);
        String what = row.item().isGate() ? "the go/no-go decision" : "\"" + row.text() + "\"";
        dialogs.confirm(new Dialogs.Confirmation("Sign " + row.list().toLowerCase(java.util.Locale.ROOT) + " item",
                        "Sign " + what + ". Required role: " + row.rolesText() + ".", "Sign", false),
                form.grid, form.passphrase, () -> viewModel.sign(row, form.signer.getValue() == null ? user
                        : form.signer.getValue().name(), form.role.getValue(), form.passphrase.getText().toCharArray(),
                        form.comment.getText()), () -> form.passphrase.clear());
    }

    private static void column(TableColumn<ChecklistRow, String> c, Function<ChecklistRow, String> text) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null || value.isBlank() ? (empty ? null : "—") : value);
            }
        });
    }
}
