package dev.rampart.ui.widgets;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/** The stages of a plan, in order, each with its traffic share and how long it holds at least. */
public class StageLadder extends Control {
    private final ObservableList<StageStep> steps = FXCollections.observableArrayList();
    private final javafx.beans.property.IntegerProperty currentIndex =
            new javafx.beans.property.SimpleIntegerProperty(this, "currentIndex", -1);

    public StageLadder() {
        getStyleClass().add("stage-ladder");
    }

    public ObservableList<StageStep> getSteps() {
        return steps;
    }

    /** The stage the rollout is in (-1: none): its rung shows {@code :current}, earlier rungs {@code :done}. */
    public javafx.beans.property.IntegerProperty currentIndexProperty() {
        return currentIndex;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new StageLadderSkin(this);
    }
}
