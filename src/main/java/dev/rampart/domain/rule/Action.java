package dev.rampart.domain.rule;

/** What a tripped rule does. A rule that names none rolls back. */
public enum Action {
    PAUSE, ROLLBACK, ALERT
}
