package dev.rampart.ui;

import dev.rampart.domain.plan.Stage;
import dev.rampart.ui.widgets.StageStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StageStepTest {

    @Test
    void showsTrafficWithoutNeedlessDecimals() {
        assertThat(StageStep.of(Stage.of("internal_test", 0.5, null)).trafficText()).isEqualTo("0.5 %");
        assertThat(StageStep.of(Stage.of("beta", 25, null)).trafficText()).isEqualTo("25 %");
        assertThat(StageStep.of(Stage.of("ga", 100, null)).trafficText()).isEqualTo("100 %");
    }

    @Test
    void showsHoldTimesInHoursAndMinutes() {
        assertThat(hold(Duration.ofMinutes(30))).isEqualTo("30 min");
        assertThat(hold(Duration.ofHours(48))).isEqualTo("48 h");
        assertThat(hold(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(hold(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(hold(null)).isEqualTo("—");
    }

    @Test
    void aNamedStepHasNoDetails() {
        StageStep step = StageStep.named("canary");

        assertThat(step.detailsKnown()).isFalse();
        assertThat(step.trafficText()).isEqualTo("—");
    }

    private static String hold(Duration duration) {
        return StageStep.of(Stage.of("beta", 25, duration)).minDurationText();
    }
}
