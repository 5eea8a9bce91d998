package dev.rampart.ui.widgets;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;

import java.util.Locale;

/**
 * A rollout state as a small coloured chip. The colour comes from CSS through a pseudo-class named after the
 * state: {@code :draft}, {@code :running}, {@code :rolling-back}, {@code :rollback-failed}, …
 */
public class StateChip extends Label {
    private PseudoClass current;

    public StateChip() {
        getStyleClass().add("state-chip");
        setMinWidth(USE_PREF_SIZE);
    }

    /** @param state a wire name such as {@code rolling_back}; null or blank shows nothing */
    public void setState(String state) {
        if (current != null) {
            pseudoClassStateChanged(current, false);
            current = null;
        }
        boolean known = state != null && !state.isBlank();
        setText(known ? state.replace('_', ' ') : null);
        setVisible(known);
        if (known) {
            current = PseudoClass.getPseudoClass(state.toLowerCase(Locale.ROOT).replace('_', '-'));
            pseudoClassStateChanged(current, true);
        }
    }
}
