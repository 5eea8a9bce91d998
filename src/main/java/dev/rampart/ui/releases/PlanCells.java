package dev.rampart.ui.releases;

import dev.rampart.engine.PlanSummary;

/** The texts of the plan table's cells, kept out of the view so they are tested without a window. */
public final class PlanCells {
    private PlanCells() {
    }

    /** The text of a plan-table cell; {@code column} is the column's id in the view. */
    public static String cellText(String column, PlanSummary plan) {
        return switch (column) {
            case "change" -> orDash(plan.changeId());
            case "service" -> orDash(plan.service());
            case "version" -> orDash(plan.version());
            case "owner" -> orDash(plan.owner());
            case "stages" -> stagesText(plan);
            case "state" -> plan.state();
            case "currentStage" -> orDash(plan.currentStage());
            case "nextDecision" -> orDash(plan.nextDecision());
            default -> throw new IllegalArgumentException("No plan column " + column);
        };
    }

    /** {@code 4 · internal_test, friendly_gp, beta, ga} */
    public static String stagesText(PlanSummary plan) {
        return plan.stages().size() + " · " + String.join(", ", plan.stages());
    }

    public static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
