package dev.rampart.ui.widgets;

import dev.rampart.domain.plan.Stage;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One rung of a stage ladder as the console shows it. {@code trafficPercent} and {@code minDuration} are null
 * when only the stage's name is known.
 */
public record StageStep(String name, Double trafficPercent, Duration minDuration) {

    public static StageStep of(Stage stage) {
        return new StageStep(stage.name(), stage.trafficPercent(), stage.minDuration());
    }

    public static StageStep named(String name) {
        return new StageStep(name, null, null);
    }

    public boolean detailsKnown() {
        return trafficPercent != null;
    }

    /** {@code 0.5 %}, {@code 25 %}; a dash when unknown. */
    public String trafficText() {
        if (trafficPercent == null) {
            return "—";
        }
        return BigDecimal.valueOf(trafficPercent).stripTrailingZeros().toPlainString() + " %";
    }

    /** {@code 30 min}, {@code 1 h}, {@code 1 h 30 min}; a dash when unknown or none. */
    public String minDurationText() {
        if (minDuration == null || minDuration.isZero()) {
            return "—";
        }
        long hours = minDuration.toHours();
        int minutes = minDuration.toMinutesPart();
        if (hours == 0 && minutes == 0) {
            return minDuration.toSeconds() + " s";
        }
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
