package dev.rampart.ui.rollback;

import dev.rampart.ui.Dialogs;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The top bar's rollback area: the button, the confirmation it asks, and the result of the last rollback. */
public final class RollbackBar {
    private final RollbackViewModel viewModel;
    private final Dialogs dialogs;
    private final RollbackButton button = new RollbackButton();
    private final HBox node;

    public RollbackBar(RollbackViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        Label result = new Label();
        result.setId("rollbackResult");
        result.getStyleClass().add("rollback-result");
        result.textProperty().bind(viewModel.resultProperty());
        result.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(RollbackViewModel.Phase.DONE)
                .or(viewModel.phaseProperty().isEqualTo(RollbackViewModel.Phase.FAILED)));
        result.managedProperty().bind(result.visibleProperty());
        result.setOnMouseClicked(e -> viewModel.dismiss());
        button.textProperty().bind(viewModel.textProperty());
        button.setPhase(viewModel.phaseProperty().get());
        viewModel.phaseProperty().addListener((o, was, now) -> button.setPhase(now));
        button.setOnAction(e -> press());
        node = new HBox(result, button);
        node.getStyleClass().add("rollback-bar");
        node.visibleProperty().bind(viewModel.visibleProperty());
        node.managedProperty().bind(node.visibleProperty());
    }

    public HBox node() {
        return node;
    }

    /** The click (or Ctrl+Shift+R): confirmation first. */
    public void press() {
        if (viewModel.phaseProperty().get() == RollbackViewModel.Phase.DONE
                || viewModel.phaseProperty().get() == RollbackViewModel.Phase.FAILED) {
            viewModel.dismiss();
        }
        if (viewModel.press()) {
            dialogs.confirm(new Dialogs.Confirmation("Roll back?", viewModel.questionProperty().get(),
                    "Roll back now", true), viewModel::confirm, viewModel::cancel);
        }
    }
}
