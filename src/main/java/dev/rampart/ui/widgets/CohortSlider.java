package dev.rampart.ui.widgets;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

import java.util.function.BiConsumer;
import java.util.function.DoubleConsumer;

/**
 * One cohort's traffic: a slider for the desired weight and, beside it, the weight the adapter confirmed. A move is
 * handed to {@link #setOnCommit} once, when the drag ends (or a key press or click sets a value), never per pixel.
 * Pseudo-classes: {@code :applying} (a change is with the adapter), {@code :diverged} (desired ≠ confirmed),
 * {@code :locked} (not adjustable now), {@code :switched-off} (its kill switch is off).
 */
public class CohortSlider extends Control {
    static final PseudoClass APPLYING = PseudoClass.getPseudoClass("applying");
    static final PseudoClass DIVERGED = PseudoClass.getPseudoClass("diverged");
    static final PseudoClass LOCKED = PseudoClass.getPseudoClass("locked");
    static final PseudoClass SWITCHED_OFF = PseudoClass.getPseudoClass("switched-off");

    private final StringProperty cohort = new SimpleStringProperty(this, "cohort", "");
    private final DoubleProperty desired = new SimpleDoubleProperty(this, "desired");
    private final DoubleProperty confirmed = new SimpleDoubleProperty(this, "confirmed", Double.NaN);
    private final BooleanProperty adjustable = new SimpleBooleanProperty(this, "adjustable");
    private final BooleanProperty applying = new SimpleBooleanProperty(this, "applying");
    private final BooleanProperty switchedOn = new SimpleBooleanProperty(this, "switchedOn", true);
    private final ObjectProperty<DoubleConsumer> onCommit = new SimpleObjectProperty<>(this, "onCommit", v -> { });
    private final ObjectProperty<BiConsumer<String, Boolean>> onSwitch =
            new SimpleObjectProperty<>(this, "onSwitch", (c, on) -> { });

    public CohortSlider() {
        getStyleClass().add("cohort-slider");
        applying.addListener((o, was, now) -> pseudoClassStateChanged(APPLYING, now));
        adjustable.addListener((o, was, now) -> pseudoClassStateChanged(LOCKED, !now));
        switchedOn.addListener((o, was, now) -> pseudoClassStateChanged(SWITCHED_OFF, !now));
        desired.addListener(o -> updateDiverged());
        confirmed.addListener(o -> updateDiverged());
        pseudoClassStateChanged(LOCKED, true);
    }

    private void updateDiverged() {
        double c = confirmed.get();
        pseudoClassStateChanged(DIVERGED, !Double.isNaN(c) && Math.abs(c - desired.get()) >= 0.05);
    }

    public StringProperty cohortProperty() {
        return cohort;
    }

    public DoubleProperty desiredProperty() {
        return desired;
    }

    public DoubleProperty confirmedProperty() {
        return confirmed;
    }

    public BooleanProperty adjustableProperty() {
        return adjustable;
    }

    public BooleanProperty applyingProperty() {
        return applying;
    }

    public BooleanProperty switchedOnProperty() {
        return switchedOn;
    }

    /** Told the slider's value when a person has finished moving it. */
    public ObjectProperty<DoubleConsumer> onCommitProperty() {
        return onCommit;
    }

    public void setOnCommit(DoubleConsumer action) {
        onCommit.set(action);
    }

    /** Told when a person flips the cohort's kill switch: the cohort and the state asked for. */
    public void setOnSwitch(BiConsumer<String, Boolean> action) {
        onSwitch.set(action);
    }

    BiConsumer<String, Boolean> getOnSwitch() {
        return onSwitch.get();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new CohortSliderSkin(this);
    }
}
