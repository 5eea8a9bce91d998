package dev.rampart.engine;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WeekDryRunBenchmark} as a JUnit test in the {@code bench} group, excluded by default. */
@Tag("bench")
class WeekDryRunBench {

    @Test
    void aWeekAtOneMinuteTicksWithTwentyRules() {
        DryRunResult last = WeekDryRunBenchmark.measure(10, 3);
        assertThat(last.finalState()).isEqualTo("completed");
        assertThat(last.eventsOf("rollout.completed").get(0).at()).isEqualTo(Duration.ofDays(7));
    }
}
