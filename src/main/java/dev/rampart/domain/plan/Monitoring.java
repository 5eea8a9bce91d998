package dev.rampart.domain.plan;

import java.time.Duration;

/**
 * How closely the plan's metrics must be watched. {@code maxGap}: the longest any metric a halt rule or exit
 * criterion needs may go without a finite reading before the rollout pauses for a person (default
 * {@link #DEFAULT_MAX_GAP}).
 */
public record Monitoring(Duration maxGap) {
    public static final Duration DEFAULT_MAX_GAP = Duration.ofMinutes(5);
}
