package dev.rampart.adapters.simulator;

import java.time.Duration;

/**
 * From {@code at}, the checklist command {@code command} (its argv joined by spaces, such as {@code make smoke})
 * exits with {@code exitCode} and prints {@code output} in a dry run. Unscripted commands are not run and count as
 * passed.
 */
public record ScenarioCheck(Duration at, String command, int exitCode, String output) {
}
