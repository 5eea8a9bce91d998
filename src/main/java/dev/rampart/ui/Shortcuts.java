package dev.rampart.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;

/** Every main action's keyboard shortcut, installed on the scene and listed in the help (F1 or ?). */
public final class Shortcuts {

    /** One shortcut: what a person presses and what it does, in their words. */
    public record Shortcut(KeyCombination keys, String what, Runnable action) {
    }

    private final List<Shortcut> all = new ArrayList<>();
    private Scene installedOn;

    /** Adds a shortcut; once installed, a later one (a screen's own, added when it loads) is installed at once. */
    public Shortcuts add(KeyCombination keys, String what, Runnable action) {
        all.add(new Shortcut(keys, what, action));
        if (installedOn != null) {
            installedOn.getAccelerators().put(keys, action);
        }
        return this;
    }

    public List<Shortcut> all() {
        return List.copyOf(all);
    }

    public void install(Scene scene) {
        installedOn = scene;
        for (Shortcut s : all) {
            scene.getAccelerators().put(s.keys(), s.action());
        }
    }

    /** The help's table: keys on the left, the action on the right. */
    public GridPane table() {
        GridPane grid = new GridPane();
        grid.setId("shortcutTable");
        grid.getStyleClass().add("shortcut-table");
        int row = 0;
        for (Shortcut s : all) {
            Label keys = new Label(s.keys().getDisplayText());
            keys.getStyleClass().add("shortcut-keys");
            Label what = new Label(s.what());
            what.getStyleClass().add("shortcut-what");
            grid.addRow(row++, keys, what);
        }
        return grid;
    }
}
