package dev.rampart.ui.widgets;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/** Name and kill switch on the first line; slider, desired and confirmed weight on the second. */
public class CohortSliderSkin extends SkinBase<CohortSlider> {
    private final Slider slider = new Slider(0, 100, 0);
    private boolean fromModel;

    public CohortSliderSkin(CohortSlider control) {
        super(control);
        Label name = new Label();
        name.getStyleClass().add("cohort-name");
        name.textProperty().bind(control.cohortProperty());
        ToggleSwitch killSwitch = new ToggleSwitch();
        killSwitch.getStyleClass().add("cohort-switch");
        killSwitch.setSelected(control.switchedOnProperty().get());
        control.switchedOnProperty().addListener((o, was, on) -> killSwitch.setSelected(on));
        killSwitch.selectedProperty().addListener((o, was, on) -> {
            if (on != control.switchedOnProperty().get()) {
                control.getOnSwitch().accept(control.cohortProperty().get(), on);
            }
        });
        killSwitch.setFocusTraversable(true);
        Label switchText = new Label();
        switchText.getStyleClass().add("switch-text");
        switchText.textProperty().bind(Bindings.when(control.switchedOnProperty()).then("on").otherwise("off"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(name, gap, switchText, killSwitch);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("cohort-top");

        slider.getStyleClass().add("cohort-weight");
        slider.setBlockIncrement(1);
        slider.disableProperty().bind(control.adjustableProperty().not().or(control.applyingProperty()));
        HBox.setHgrow(slider, Priority.ALWAYS);
        Label desired = new Label();
        desired.getStyleClass().add("desired-text");
        desired.textProperty().bind(Bindings.createStringBinding(() -> percent(slider.getValue()), slider.valueProperty()));
        Label confirmed = new Label();
        confirmed.getStyleClass().add("confirmed-text");
        confirmed.textProperty().bind(Bindings.createStringBinding(() -> "confirmed "
                + percent(control.confirmedProperty().get()), control.confirmedProperty()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("applying-spinner");
        spinner.visibleProperty().bind(control.applyingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        VBox numbers = new VBox(desired, confirmed);
        numbers.getStyleClass().add("cohort-numbers");
        HBox bottom = new HBox(slider, spinner, numbers);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.getStyleClass().add("cohort-bottom");
        VBox box = new VBox(top, bottom);
        box.getStyleClass().add("cohort-box");
        getChildren().add(box);

        fromModel(control.desiredProperty().get());
        control.desiredProperty().addListener((o, was, now) -> fromModel(now.doubleValue()));
        // Commit once per gesture: when a drag ends, or when a click or key sets a value outside a drag.
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                commit();
            }
        });
        slider.valueProperty().addListener((o, was, now) -> {
            if (!fromModel && !slider.isValueChanging()) {
                commit();
            }
        });
    }

    private void fromModel(double value) {
        fromModel = true;
        try {
            slider.setValue(value);
        } finally {
            fromModel = false;
        }
    }

    private void commit() {
        getSkinnable().desiredProperty().set(slider.getValue());
        getSkinnable().onCommitProperty().get().accept(slider.getValue());
    }

    /** The slider itself, for tests that drag it. */
    public Slider slider() {
        return slider;
    }

    static String percent(double p) {
        if (Double.isNaN(p)) {
            return "—";
        }
        return java.math.BigDecimal.valueOf(Math.round(p * 10) / 10.0).stripTrailingZeros().toPlainString() + " %";
    }
}
