package dev.rampart.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaledClockTest {
    private final Instant anchor = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void runsFasterFromTheAnchorAndAgreesAcrossProcessesThatShareIt() {
        VirtualClock wall = new VirtualClock(anchor);
        ScaledClock first = new ScaledClock(wall, anchor, 60).held();
        wall.advance(Duration.ofMillis(250));
        assertThat(first.instant()).as("held at the anchor while the rollout is created").isEqualTo(anchor);
        first.release();
        wall.advance(Duration.ofSeconds(1));
        ScaledClock later = new ScaledClock(wall, anchor, 60);
        assertThat(first.instant()).isEqualTo(anchor.plus(Duration.ofSeconds(75)));
        assertThat(later.instant()).isEqualTo(first.instant());
    }

    @Test
    void refusesToRunSlowerThanTheWall() {
        assertThatThrownBy(() -> new ScaledClock(new VirtualClock(anchor), anchor, 0.5))
                .hasMessageContaining("at least 1");
    }
}
