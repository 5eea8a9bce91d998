package dev.rampart.adapters.simulator;

import java.time.Duration;

/**
 * At {@code at}, a person turns the kill switch of {@code cohort} (null: the global one) on or off, as
 * {@code rampart rollout kill|unkill} would.
 */
public record ScenarioSwitch(Duration at, String cohort, boolean enabled) {
}
