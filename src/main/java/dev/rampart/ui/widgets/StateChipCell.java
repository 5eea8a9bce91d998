package dev.rampart.ui.widgets;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;

/** A table cell that shows a rollout state as a {@link StateChip}. */
public class StateChipCell<S> extends TableCell<S, String> {
    private final StateChip chip = new StateChip();

    public StateChipCell() {
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(String state, boolean empty) {
        super.updateItem(state, empty);
        if (empty || state == null) {
            setGraphic(null);
            setAccessibleText(null);
        } else {
            chip.setState(state);
            setGraphic(chip);
            setAccessibleText(chip.getText());
        }
    }
}
