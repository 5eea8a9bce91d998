package dev.rampart.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentThreadTaskRunnerTest {
    private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();

    @Test
    void handsTheResultToOnSuccessAndIsRunningMeanwhile() {
        List<Object> seen = new ArrayList<>();
        runner.run("Counting", () -> {
            seen.add(runner.isRunning() + " " + runner.messageProperty().get());
            return 42;
        }, seen::add, seen::add);

        assertThat(seen).containsExactly("true Counting", 42);
        assertThat(runner.isRunning()).isFalse();
        assertThat(runner.messageProperty().get()).isEmpty();
    }

    @Test
    void handsAnExceptionToOnFailure() {
        List<Object> seen = new ArrayList<>();
        IOException broken = new IOException("disk full");
        runner.run("Saving", () -> {
            throw broken;
        }, seen::add, seen::add);

        assertThat(seen).containsExactly(broken);
        assertThat(runner.isRunning()).isFalse();
    }
}
