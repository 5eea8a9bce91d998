package dev.rampart.format;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.PlanIssue;

import java.util.function.UnaryOperator;

/**
 * A plan made from an input file, with the way back: {@code toSource} moves an issue keyed by a pointer of the
 * plan onto the pointer of the input that produced it (for a foreign format, the cohort or the halt condition).
 */
record ImportedPlan(Plan plan, UnaryOperator<PlanIssue> toSource) {
    static ImportedPlan same(Plan plan) {
        return new ImportedPlan(plan, UnaryOperator.identity());
    }
}
