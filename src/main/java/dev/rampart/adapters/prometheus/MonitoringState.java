package dev.rampart.adapters.prometheus;

import java.time.Instant;

/**
 * Whether the monitoring system answers: what the console shows next to the metric source. While
 * {@code reachable} is false there is a monitoring gap, open {@code since} that instant.
 *
 * @param reachable whether the last query was answered
 * @param since     when the current state began (null before the first query)
 * @param detail    the last error, or the server that answered
 */
public record MonitoringState(boolean reachable, Instant since, String detail) {
}
