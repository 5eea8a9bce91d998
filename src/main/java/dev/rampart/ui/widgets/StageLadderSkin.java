package dev.rampart.ui.widgets;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Lays the ladder out as a grid: number, name, traffic bar and share, minimum hold. */
public class StageLadderSkin extends SkinBase<StageLadder> {
    private static final javafx.css.PseudoClass CURRENT = javafx.css.PseudoClass.getPseudoClass("current");
    private static final javafx.css.PseudoClass DONE = javafx.css.PseudoClass.getPseudoClass("done");
    private final GridPane grid = new GridPane();

    public StageLadderSkin(StageLadder ladder) {
        super(ladder);
        grid.getStyleClass().add("ladder-grid");
        // Columns keep their natural width; the space left over goes after the last one, not between them.
        ColumnConstraints rest = new ColumnConstraints();
        rest.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(),
                new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints(), rest);
        getChildren().add(grid);
        registerListChangeListener(ladder.getSteps(), change -> rebuild());
        registerChangeListener(ladder.currentIndexProperty(), o -> rebuild());
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        int row = 0;
        for (StageStep step : getSkinnable().getSteps()) {
            Label index = label(String.valueOf(row + 1), "ladder-index");
            index.setAlignment(Pos.CENTER);
            Label name = label(step.name(), "ladder-name");
            int current = getSkinnable().currentIndexProperty().get();
            for (Label l : new Label[] {index, name}) {
                l.pseudoClassStateChanged(CURRENT, row == current);
                l.pseudoClassStateChanged(DONE, row < current);
            }
            grid.addRow(row, index, name);
            if (step.detailsKnown()) {
                ProgressBar bar = new ProgressBar(step.trafficPercent() / 100.0);
                bar.getStyleClass().add("ladder-bar");
                bar.setFocusTraversable(false);
                grid.add(bar, 2, row);
                grid.add(label(step.trafficText(), "ladder-traffic"), 3, row);
                grid.add(label("holds " + step.minDurationText(), "ladder-hold"), 4, row);
            }
            row++;
        }
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
