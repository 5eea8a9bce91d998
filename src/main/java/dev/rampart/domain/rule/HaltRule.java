package dev.rampart.domain.rule;

import java.time.Duration;
import java.util.List;

/**
 * One parsed rule line: every condition must hold (continuously for {@code window}, when given)
 * before {@code action} is taken. A null window trips on the first evaluated breach.
 * The same grammar without an action states a stage's entry and exit criteria; there {@code action} is null.
 */
public record HaltRule(String text, List<Condition> conditions, Duration window, Action action) {
    public HaltRule {
        conditions = List.copyOf(conditions);
    }
}
