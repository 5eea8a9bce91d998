package dev.rampart.domain.rollout;

/** {@code pending} until the adapter answers; then {@code done}, {@code failed}, or after a crash {@code abandoned}. */
public enum IntentStatus {
    PENDING, DONE, FAILED, ABANDONED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static IntentStatus fromWire(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
