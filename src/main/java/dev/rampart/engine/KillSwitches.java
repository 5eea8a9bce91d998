package dev.rampart.engine;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rollout's kill switches: global ({@code system.canary.enabled}) and per cohort
 * ({@code canary.cohort.{name}.enabled}), as in seed 004. Off means no traffic to the new version there. A snapshot:
 * the plan's (or flag file's) own settings, overridden by every {@code killswitch.changed} event in the store, so
 * the console, the CLI and the agent all see the same switches.
 */
public final class KillSwitches {
    private final boolean global;
    private final Set<String> disabledCohorts;

    private KillSwitches(boolean global, Set<String> disabledCohorts) {
        this.global = global;
        this.disabledCohorts = Set.copyOf(disabledCohorts);
    }

    /** The plan's switches, then each change recorded since ({@code changes}: flag name to on, latest wins). */
    public static KillSwitches of(Plan plan, Map<String, Boolean> changes) {
        boolean global = changes.getOrDefault(flagName(null), plan.canaryEnabled());
        Set<String> off = new TreeSet<>();
        for (Stage s : plan.stages()) {
            if (!changes.getOrDefault(flagName(s.name()), s.cohortEnabled())) {
                off.add(s.name());
            }
        }
        return new KillSwitches(global, off);
    }

    /** The switches as a rollout's events leave them. */
    public static KillSwitches of(Plan plan, java.util.List<dev.rampart.domain.rollout.AuditEvent> events) {
        Map<String, Boolean> changes = new java.util.HashMap<>();
        for (var e : events) {
            if (e.type().equals("killswitch.changed")) {
                changes.put(e.data().get("switch"), Boolean.parseBoolean(e.data().get("enabled")));
            }
        }
        return of(plan, changes);
    }

    public boolean globalEnabled() {
        return global;
    }

    public boolean cohortEnabled(String cohort) {
        return global && !disabledCohorts.contains(cohort);
    }

    /** Whether the cohort's own switch is on, whatever the global one says. */
    public boolean cohortSwitch(String cohort) {
        return !disabledCohorts.contains(cohort);
    }

    public Set<String> disabledCohorts() {
        return disabledCohorts;
    }

    /** The flag name as seed 004 writes it. */
    public static String flagName(String cohort) {
        return cohort == null ? "system.canary.enabled" : "canary.cohort." + cohort + ".enabled";
    }
}
