package dev.rampart.engine;

import java.util.Set;
import java.util.TreeSet;

/**
 * The rollout's kill switches: global ({@code system.canary.enabled}) and per cohort
 * ({@code canary.cohort.{name}.enabled}), as in seed 004. Off means no traffic to the new version there.
 */
public final class KillSwitches {
    private boolean global = true;
    private final Set<String> disabledCohorts = new TreeSet<>();

    public synchronized boolean globalEnabled() {
        return global;
    }

    public synchronized boolean cohortEnabled(String cohort) {
        return global && !disabledCohorts.contains(cohort);
    }

    public synchronized Set<String> disabledCohorts() {
        return Set.copyOf(disabledCohorts);
    }

    synchronized void set(String cohort, boolean enabled) {
        if (cohort == null) {
            global = enabled;
        } else if (enabled) {
            disabledCohorts.remove(cohort);
        } else {
            disabledCohorts.add(cohort);
        }
    }

    /** The flag name as seed 004 writes it. */
    public static String flagName(String cohort) {
        return cohort == null ? "system.canary.enabled" : "canary.cohort." + cohort + ".enabled";
    }
}
