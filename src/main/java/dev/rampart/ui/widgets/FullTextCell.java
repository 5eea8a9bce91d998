package dev.rampart.ui.widgets;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A text cell whose tooltip shows the whole text, for columns that may cut it short. */
public class FullTextCell<S> extends TableCell<S, String> {
    private final Tooltip tooltip = new Tooltip();

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text);
        tooltip.setText(text);
        setTooltip(empty || text == null || text.isBlank() ? null : tooltip);
    }
}
