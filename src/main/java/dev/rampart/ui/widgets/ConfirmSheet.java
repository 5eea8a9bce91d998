package dev.rampart.ui.widgets;

import dev.rampart.ui.Dialogs;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The in-window confirmation: a card over a dimmed window. Enter confirms, Escape cancels, whatever has the focus.
 * {@link #layer()} goes on top of the window's content; it is empty (and lets clicks through) while nothing is asked.
 */
public final class ConfirmSheet implements Dialogs {
    private final StackPane layer = new StackPane();

    public ConfirmSheet() {
        layer.getStyleClass().add("sheet-layer");
        layer.setPickOnBounds(false);
        layer.setVisible(false);
    }

    public StackPane layer() {
        return layer;
    }

    /** Shows {@code content} under {@code title} until Escape, Enter or Close; for the keyboard help. */
    public void show(String title, javafx.scene.Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("sheet-title");
        Button close = new Button("Close");
        close.setId("sheetClose");
        HBox buttons = new HBox(close);
        buttons.getStyleClass().add("sheet-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(heading, content, buttons);
        card.getStyleClass().addAll("sheet", "help-sheet");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane backdrop = new StackPane(card);
        backdrop.getStyleClass().add("sheet-backdrop");
        javafx.event.EventHandler<KeyEvent> keys = e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.ENTER) {
                e.consume();
                close.fire();
            }
        };
        close.setOnAction(e -> {
            layer.getScene().removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            layer.getChildren().remove(backdrop);
            layer.setVisible(!layer.getChildren().isEmpty());
        });
        // On the scene, not the card: the keys work wherever the focus was when the sheet opened.
        layer.getScene().addEventFilter(KeyEvent.KEY_PRESSED, keys);
        layer.getChildren().add(backdrop);
        layer.setVisible(true);
        layer.getScene().getWindow().requestFocus(); // a desktop notification may hold the focus
        close.requestFocus();
    }

    /** True while a confirmation or the help is shown. */
    public boolean showing() {
        return !layer.getChildren().isEmpty();
    }

    @Override
    public void confirm(Confirmation q, Runnable onConfirm, Runnable onCancel) {
        confirm(q, null, null, onConfirm, onCancel);
    }

    @Override
    public void confirm(Confirmation q, javafx.scene.Node form, javafx.scene.Node focus, Runnable onConfirm,
                        Runnable onCancel) {
        Label title = new Label(q.title());
        title.getStyleClass().add("sheet-title");
        Label message = new Label(q.message());
        message.getStyleClass().add("sheet-message");
        message.setWrapText(true);
        Button cancel = new Button("Cancel");
        cancel.setId("sheetCancel");
        Button ok = new Button(q.confirmText());
        ok.setId("sheetConfirm");
        ok.getStyleClass().add(q.danger() ? "danger" : "accent");
        Label keyHint = new Label("Enter confirms · Esc cancels");
        keyHint.getStyleClass().add("sheet-keys");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(keyHint, gap, cancel, ok);
        buttons.getStyleClass().add("sheet-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(title, message);
        if (form != null) {
            card.getChildren().add(form);
        }
        card.getChildren().add(buttons);
        card.getStyleClass().add("sheet");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane backdrop = new StackPane(card);
        backdrop.getStyleClass().add("sheet-backdrop");

        boolean[] answered = {false};
        javafx.event.EventHandler<KeyEvent> keys = e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                ok.fire();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancel.fire();
            }
        };
        Runnable close = () -> {
            layer.getScene().removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            layer.getChildren().remove(backdrop);
            layer.setVisible(!layer.getChildren().isEmpty());
        };
        Runnable yes = () -> {
            if (!answered[0]) {
                answered[0] = true;
                close.run();
                onConfirm.run();
            }
        };
        Runnable no = () -> {
            if (!answered[0]) {
                answered[0] = true;
                close.run();
                onCancel.run();
            }
        };
        ok.setOnAction(e -> yes.run());
        cancel.setOnAction(e -> no.run());
        // On the scene, not the card: Enter and Escape work wherever the focus was when the sheet opened.
        layer.getScene().addEventFilter(KeyEvent.KEY_PRESSED, keys);
        layer.getChildren().add(backdrop);
        layer.setVisible(true);
        layer.getScene().getWindow().requestFocus(); // a desktop notification may hold the focus
        (focus != null ? focus : ok).requestFocus();
    }
}
