package dev.rampart.domain.plan;

/**
 * One thing wrong with a plan, keyed by the JSON pointer of the value in Rampart's plan format
 * ({@code /stages/2/traffic_percent}). {@code column} is 1-based inside a text value (a rule's own column),
 * 0 when the issue is the value as a whole.
 */
public record PlanIssue(String pointer, int column, String message) {
    public static PlanIssue at(String pointer, String message) {
        return new PlanIssue(pointer, 0, message);
    }
}
