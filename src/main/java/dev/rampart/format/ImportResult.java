package dev.rampart.format;

import dev.rampart.domain.plan.Plan;

import java.util.List;

/**
 * What importing one plan file gave.
 * <ul>
 *   <li>{@code plan}: the file as a full Rampart plan ({@code rampart/plan/v1}, defaults filled in), or null when
 *       the file could not be understood at all (not JSON or YAML, a value of the wrong type, not a plan).</li>
 *   <li>{@code problems}: everything wrong, each placed at its line and column, in file order. When this is not
 *       empty, a plan that is present is only for showing what was understood: the caller must not store it or
 *       start a rollout from it. {@link #ok()} says when it may.</li>
 *   <li>{@code defaultsApplied}: one sentence per assumption the import made
 *       ("stage beta: min_duration PT1H (no duration given)"), and per part of a foreign file it left out.</li>
 * </ul>
 */
public record ImportResult(Plan plan, List<Problem> problems, List<String> defaultsApplied) {
    public ImportResult {
        problems = List.copyOf(problems);
        defaultsApplied = List.copyOf(defaultsApplied);
    }

    /** A plan that may be stored: present and without problems. */
    public boolean ok() {
        return plan != null && problems.isEmpty();
    }
}
