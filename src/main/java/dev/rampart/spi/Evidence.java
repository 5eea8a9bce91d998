package dev.rampart.spi;

import java.util.Map;

/**
 * Where an adapter records what it did, for the rollout's evidence pack: the command it ran with its exit status
 * and (bounded) output, the request it sent and the answer. Record secrets never: mask them before calling.
 */
@FunctionalInterface
public interface Evidence {

    /**
     * @param action  what was done, in the adapter's words ({@code apply_traffic}, {@code rollback}, …)
     * @param details flat key/value facts ({@code argv}, {@code exit_code}, {@code output}, {@code status}, …)
     */
    void record(String action, Map<String, String> details);

    /** Evidence that goes nowhere. */
    static Evidence discard() {
        return (action, details) -> { };
    }
}
