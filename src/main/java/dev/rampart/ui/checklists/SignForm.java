package dev.rampart.ui.checklists;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** The signing form: who signs, in which role, their passphrase and a comment. */
final class SignForm {
    final ComboBox<Person> signer = new ComboBox<>();
    final ComboBox<Role> role = new ComboBox<>();
    final PasswordField passphrase = new PasswordField();
    final TextField comment = new TextField();
    final GridPane grid = new GridPane();

    SignForm(ObservableList<Person> people, String consoleUser, ChecklistRow row) {
        signer.setId("signSigner");
        role.setId("signRole");
        passphrase.setId("signPassphrase");
        comment.setId("signComment");
        signer.setItems(people);
        signer.setConverter(new StringConverter<>() {
            @Override
            public String toString(Person p) {
                return p == null ? "" : p.name() + " · " + p.rolesText();
            }

            @Override
            public Person fromString(String s) {
                return null;
            }
        });
        role.getItems().setAll(row.signableRoles());
        role.getSelectionModel().selectFirst();
        // Start with someone who holds one of the item's roles, else the person at the console.
        Person preferred = people.stream().filter(p -> row.signableRoles().stream().anyMatch(p::holds)).findFirst()
                .orElse(people.stream().filter(p -> p.name().equals(consoleUser)).findFirst().orElse(null));
        signer.setValue(preferred);
        if (preferred != null) {
            row.signableRoles().stream().filter(preferred::holds).findFirst().ifPresent(role::setValue);
        }
        passphrase.setPromptText("the passphrase of the signer's key");
        comment.setPromptText("optional: what you checked");
        grid.getStyleClass().add("sign-form");
        grid.addRow(0, new Label("Signer"), signer);
        grid.addRow(1, new Label("Role"), role);
        grid.addRow(2, new Label("Passphrase"), passphrase);
        grid.addRow(3, new Label("Comment"), comment);
        signer.setMaxWidth(Double.MAX_VALUE);
        role.setMaxWidth(Double.MAX_VALUE);
    }
}
