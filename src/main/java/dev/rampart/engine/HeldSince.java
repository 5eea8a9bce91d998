package dev.rampart.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Remembers since when each condition has held without a break. A condition first seen at 40 min under a
 * 5-minute window has held long enough at 45 min; with no window, at once.
 */
final class HeldSince {
    private final Map<String, Instant> since = new HashMap<>();
    private final Set<String> latched = new HashSet<>();

    /** Whether {@code key} has now held for {@code window} (null: at once). A break starts it over. */
    boolean heldFor(String key, boolean holdsNow, Instant now, Duration window) {
        if (!holdsNow) {
            since.remove(key);
            latched.remove(key);
            return false;
        }
        Instant first = since.computeIfAbsent(key, k -> now);
        return window == null || !Duration.between(first, now).minus(window).isNegative();
    }

    /** Like {@link #heldFor}, but true only once per unbroken stretch: a rule trips once until it clears. */
    boolean trips(String key, boolean holdsNow, Instant now, Duration window) {
        if (!heldFor(key, holdsNow, now, window) || latched.contains(key)) {
            return false;
        }
        latched.add(key);
        return true;
    }

    /** Forgets everything: each condition must hold for its whole window again. */
    void clear() {
        since.clear();
        latched.clear();
    }
}
