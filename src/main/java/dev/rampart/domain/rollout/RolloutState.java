package dev.rampart.domain.rollout;

/**
 * {@code draft → scheduled → running ⇄ paused → completed}; from any live state
 * {@code rolling_back → rolled_back} or {@code rollback_failed} (an incident).
 */
public enum RolloutState {
    DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, ROLLING_BACK, ROLLED_BACK, ROLLBACK_FAILED;

    /** The name used in files, events and the CLI: {@code rolled_back}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RolloutState fromWire(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** A rollout that traffic may still be flowing to, and so can be rolled back. */
    public boolean isLive() {
        return this == SCHEDULED || this == RUNNING || this == PAUSED || this == ROLLING_BACK;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == ROLLED_BACK || this == ROLLBACK_FAILED;
    }
}
