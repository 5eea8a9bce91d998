package dev.rampart.ui.releases;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The checklist shown in the window's sheet before a rollout starts: each item, the role that signs it, who did. */
final class StartSheet {
    private static final double MAX_HEIGHT = 360;

    private StartSheet() {
    }

    static Node of(StartChecklist checklist) {
        VBox box = new VBox();
        box.setId("startChecklist");
        box.getStyleClass().add("start-checklist");
        if (!checklist.warning().isEmpty()) {
            Label warning = new Label(checklist.warning());
            warning.getStyleClass().add("start-warning");
            warning.setWrapText(true);
            box.getChildren().add(warning);
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("start-items");
        ColumnConstraints item = new ColumnConstraints();
        item.setHgrow(Priority.ALWAYS);
        ColumnConstraints role = new ColumnConstraints();
        role.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(item, role);
        int row = 0;
        String section = null;
        for (StartChecklist.Line line : checklist.lines()) {
            if (!Objects.equals(section, line.section())) {
                section = line.section();
                Label heading = new Label(section.toUpperCase(java.util.Locale.ROOT));
                heading.getStyleClass().add("start-section");
                grid.add(heading, 0, row++, 2, 1);
            }
            Label text = new Label(line.text());
            text.getStyleClass().add("start-item");
            text.setWrapText(true);
            Label signed = new Label(line.signed());
            signed.getStyleClass().add("start-signed");
            signed.setWrapText(true);
            Label roleName = new Label(line.role());
            roleName.getStyleClass().add("start-role");
            grid.add(new VBox(text, signed), 0, row);
            grid.add(roleName, 1, row++);
        }
        if (row > 0) {
            ScrollPane scroll = new ScrollPane(grid);
            scroll.setFitToWidth(true);
            scroll.setMaxHeight(MAX_HEIGHT);
            scroll.getStyleClass().add("start-scroll");
            box.getChildren().add(scroll);
        }
        return box;
    }
}
