package dev.rampart.ui.people;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The admin screen for people and roles: binds the table and the form to {@link PeopleViewModel}. */
public final class PeopleView {
    private final PeopleViewModel viewModel;

    @FXML private TableView<PersonRow> peopleTable;
    @FXML private TableColumn<PersonRow, String> nameColumn;
    @FXML private TableColumn<PersonRow, String> displayColumn;
    @FXML private TableColumn<PersonRow, String> rolesColumn;
    @FXML private TableColumn<PersonRow, String> signColumn;
    @FXML private TextField nameField;
    @FXML private TextField displayField;
    @FXML private ComboBox<String> roleBox;
    @FXML private Button addButton;
    @FXML private Button grantButton;
    @FXML private Button revokeButton;
    @FXML private Label messageLabel;
    @FXML private Label adminNote;

    public PeopleView(PeopleViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        peopleTable.setItems(viewModel.people());
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        displayColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().displayName()));
        rolesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().roles()));
        signColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().canSign() ? "yes" : "no passphrase yet"));
        peopleTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                viewModel.selectedProperty().set(now));
        nameField.textProperty().bindBidirectional(viewModel.newNameProperty());
        displayField.textProperty().bindBidirectional(viewModel.newDisplayNameProperty());
        roleBox.setItems(viewModel.roleChoices());
        roleBox.setEditable(true);
        roleBox.valueProperty().addListener((o, was, now) -> viewModel.roleProperty().set(now == null ? "" : now));
        addButton.disableProperty().bind(viewModel.add().executableProperty().not());
        grantButton.disableProperty().bind(viewModel.grant().executableProperty().not());
        revokeButton.disableProperty().bind(viewModel.revoke().executableProperty().not());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.failedProperty().addListener((o, was, now) ->
                messageLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), now));
        adminNote.visibleProperty().bind(viewModel.canManageProperty().not());
        adminNote.managedProperty().bind(adminNote.visibleProperty());
        viewModel.reload().execute();
    }

    @FXML
    private void add() {
        viewModel.add().execute();
    }

    @FXML
    private void grant() {
        viewModel.grant().execute();
    }

    @FXML
    private void revoke() {
        viewModel.revoke().execute();
    }
}
