package dev.rampart.ui.rollout;

import dev.rampart.ui.Dialogs;
import dev.rampart.ui.Dialogs.Confirmation;
import dev.rampart.ui.widgets.CohortSlider;
import javafx.scene.layout.VBox;

/** The cohort sliders of the Rollout screen: one per stage, bound to its {@link CohortTraffic}, switches confirmed. */
final class CohortPanel {
    private final RolloutViewModel viewModel;
    private final Dialogs dialogs;
    private final VBox box;

    CohortPanel(RolloutViewModel viewModel, Dialogs dialogs, VBox box) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.box = box;
    }

    void show() {
        box.getChildren().clear();
        for (CohortTraffic cohort : viewModel.cohorts()) {
            CohortSlider slider = new CohortSlider();
            slider.setId("cohort-" + cohort.name());
            slider.cohortProperty().set(cohort.name());
            slider.desiredProperty().bindBidirectional(cohort.desiredProperty());
            slider.confirmedProperty().bind(cohort.confirmedProperty());
            slider.adjustableProperty().bind(cohort.adjustableProperty());
            slider.applyingProperty().bind(cohort.applyingProperty());
            slider.switchedOnProperty().bind(cohort.switchedOnProperty());
            slider.setOnCommit(value -> viewModel.requestTraffic(cohort, value));
            slider.setOnSwitch((name, on) -> askSwitch(name, on, () -> {
                slider.switchedOnProperty().unbind();
                slider.switchedOnProperty().set(!on);
                slider.switchedOnProperty().bind(cohort.switchedOnProperty());
            }));
            box.getChildren().add(slider);
        }
    }

    /** Asks before a kill switch changes; {@code cohort} null is the global one. {@code undo} puts the toggle back. */
    void askSwitch(String cohort, boolean on, Runnable undo) {
        String flag = cohort == null ? "system.canary.enabled" : "canary.cohort." + cohort + ".enabled";
        String effect = on ? "Traffic may flow to the new version again." : cohort == null
                ? "No traffic goes to the new version: the rollout rolls back." : "The cohort goes back to the "
                + "previous version and the rollout pauses.";
        dialogs.confirm(new Confirmation("Turn " + (on ? "on " : "off ") + flag + "?", effect,
                on ? "Turn on" : "Turn off", !on), () -> viewModel.setKillSwitch(cohort, on), undo);
    }
}
