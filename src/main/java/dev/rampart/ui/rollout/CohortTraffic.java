package dev.rampart.ui.rollout;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * One cohort's traffic as its slider shows it: {@code desired} is where the slider stands (what was asked for),
 * {@code confirmed} what the adapter says is in effect (NaN when unknown). {@code adjustable} is true while the
 * cohort is on the new version of a running or paused rollout; {@code switchedOn} is its kill switch.
 */
public final class CohortTraffic {
    private final String name;
    private final double planPercent;
    private final DoubleProperty desired = new SimpleDoubleProperty(this, "desired");
    private final ReadOnlyDoubleWrapper confirmed = new ReadOnlyDoubleWrapper(this, "confirmed", Double.NaN);
    private final ReadOnlyBooleanWrapper adjustable = new ReadOnlyBooleanWrapper(this, "adjustable");
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper(this, "applying");
    private final BooleanProperty switchedOn = new SimpleBooleanProperty(this, "switchedOn", true);

    public CohortTraffic(String name, double planPercent) {
        this.name = name;
        this.planPercent = planPercent;
        desired.set(planPercent);
    }

    public String name() {
        return name;
    }

    public double planPercent() {
        return planPercent;
    }

    /** Where the slider stands; the view binds the slider to it both ways. */
    public DoubleProperty desiredProperty() {
        return desired;
    }

    public ReadOnlyDoubleProperty confirmedProperty() {
        return confirmed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty adjustableProperty() {
        return adjustable.getReadOnlyProperty();
    }

    /** True while a change of this cohort's weight is with the adapter. */
    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty switchedOnProperty() {
        return switchedOn;
    }

    void update(double desiredPercent, double confirmedPercent, boolean canAdjust, boolean on) {
        if (!applying.get()) {
            desired.set(desiredPercent);
        }
        confirmed.set(confirmedPercent);
        adjustable.set(canAdjust);
        switchedOn.set(on);
    }

    void setApplying(boolean now) {
        applying.set(now);
    }

    /** The weight last asked for in the current stage (a person's slider), else the plan's; 0 before its stage. */
    static double desired(dev.rampart.engine.RolloutStatus status, int index) {
        dev.rampart.domain.plan.Stage stage = status.plan().stages().get(index);
        if (index > status.rollout().stageIndex()) {
            return 0;
        }
        java.util.List<dev.rampart.domain.rollout.AuditEvent> events = status.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            dev.rampart.domain.rollout.AuditEvent e = events.get(i);
            if (e.type().equals("rollout.expanded")) {
                break;
            }
            if (e.type().equals("traffic.requested") && stage.name().equals(e.stage())) {
                return Double.parseDouble(e.data().get("traffic_percent"));
            }
        }
        return stage.trafficPercent();
    }

    /** {@code 25 %} */
    public static String percentText(double p) {
        if (Double.isNaN(p)) {
            return "—";
        }
        return java.math.BigDecimal.valueOf(Math.round(p * 10) / 10.0).stripTrailingZeros().toPlainString() + " %";
    }
}
