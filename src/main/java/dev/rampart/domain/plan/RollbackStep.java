package dev.rampart.domain.plan;

import java.time.Duration;
import java.util.List;

/**
 * One step of the rollback after traffic is back on the previous version: the application first, then the database
 * downgrade (seed 001's order). {@code kind} is {@code application}, {@code database} or another word of the team's;
 * {@code command}, when given, is an argv run without a shell (with {@code timeout}, default
 * {@link #DEFAULT_TIMEOUT}); without one, the deployment adapter performs the step.
 */
public record RollbackStep(String name, String kind, List<String> command, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    public static final String APPLICATION = "application";
    public static final String DATABASE = "database";

    public RollbackStep {
        command = Plan.copy(command);
    }

    public RollbackStep(String name, String kind, List<String> command) {
        this(name, kind, command, null);
    }

    public Duration timeoutOrDefault() {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
