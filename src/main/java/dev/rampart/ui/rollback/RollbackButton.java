package dev.rampart.ui.rollback;

import javafx.css.PseudoClass;
import javafx.scene.control.Button;

import java.util.Locale;

/**
 * The big red button. Its phase shows as a pseudo-class ({@code :confirming}, {@code :rolling-back}, {@code :done},
 * {@code :failed}), so the look of each phase lives in CSS.
 */
public class RollbackButton extends Button {
    private PseudoClass current;

    public RollbackButton() {
        getStyleClass().add("rollback-button");
        setId("rollbackButton");
        setFocusTraversable(false);
    }

    public void setPhase(RollbackViewModel.Phase phase) {
        if (current != null) {
            pseudoClassStateChanged(current, false);
        }
        current = PseudoClass.getPseudoClass(phase.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        pseudoClassStateChanged(current, true);
    }
}
