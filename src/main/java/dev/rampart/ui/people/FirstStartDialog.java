package dev.rampart.ui.people;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Asks a new store's first person for the passphrase of their signing key, before the main window opens. */
public final class FirstStartDialog {
    private FirstStartDialog() {
    }

    /**
     * Shows the dialog on the FX thread (the toolkit must be running) and waits for the answer; empty when the person
     * closed it without choosing one.
     */
    public static Optional<char[]> ask(FirstStartViewModel model) {
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(show(model));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
    }

    private static Optional<char[]> show(FirstStartViewModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Rampart: your signing key");
        dialog.setHeaderText(model.why() + ".");
        PasswordField first = new PasswordField();
        first.setId("firstStartPassphrase");
        first.textProperty().bindBidirectional(model.passphraseProperty());
        PasswordField again = new PasswordField();
        again.setId("firstStartAgain");
        again.textProperty().bindBidirectional(model.againProperty());
        Label problem = new Label();
        problem.textProperty().bind(model.problemProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Passphrase"), first);
        grid.addRow(1, new Label("Again"), again);
        grid.add(problem, 1, 2);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(model.acceptableProperty().not());
        Platform.runLater(first::requestFocus);
        Optional<ButtonType> pressed = dialog.showAndWait();
        return pressed.filter(b -> b == ButtonType.OK).map(b -> model.take());
    }
}
