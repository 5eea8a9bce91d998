package dev.rampart.adapters.simulator;

import java.time.Duration;

/**
 * From {@code at} after the rollout's start, {@code cohort}'s {@code metric} is {@code value} (plus noise), until the
 * next event for the same cohort and metric. Cohort {@value Scenario#STABLE} scripts the stable population.
 */
public record ScenarioEvent(Duration at, String cohort, String metric, double value) {
}
