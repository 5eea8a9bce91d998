package dev.rampart.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.PlanIssue;
import dev.rampart.domain.plan.PlanValidator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plan file in any format Rampart understands and validates it, placing every problem at its line and
 * column: Rampart's own plan ({@code "schema": "rampart/plan/v1"}, or a {@code change_id} with {@code stages} as
 * objects), seed 000's rollout plan ({@code stages} as names, {@code rollback_on}) and seed 004's feature-flag
 * configuration ({@code canary.cohorts}, {@code halt_conditions}). JSON or YAML, by the file's extension.
 */
public final class PlanImporter {
    private final PlanFormat format;

    public PlanImporter(PlanFormat format) {
        this.format = format;
    }

    public PlanImporter() {
        this(new PlanFormat());
    }

    /**
     * A file on disk, read as UTF-8 and at most {@link SourceText#MAX_BYTES} long; a file that cannot be read is one
     * problem (at 0:0 when it has no line to show, at the place where a file too long passes the limit).
     */
    public ImportResult importFile(Path file) {
        SourceText.Read read = SourceText.read(file);
        if (read.problem() != null) {
            return new ImportResult(null, List.of(read.problem()), List.of());
        }
        return importText(file.toString(), read.text());
    }

    /**
     * {@code fileName} names the file in every problem and picks the format (.json, .yaml, .yml; otherwise by the
     * first character); {@code text} is its content.
     */
    public ImportResult importText(String fileName, String text) {
        SourceDocument doc = SourceDocument.parse(fileName, text, format);
        SourceProblems problems = doc.sourceProblems();
        List<String> notes = new ArrayList<>();
        if (!doc.ok()) {
            return new ImportResult(null, problems.list(), notes);
        }
        JsonNode tree = doc.tree();
        if (tree == null || !tree.isObject()) {
            problems.atValue("", tree == null ? "the file is empty; expected a plan"
                    : "expected a plan (an object), found " + ReadErrors.describe(tree));
            return new ImportResult(null, problems.list(), notes);
        }
        ImportedPlan imported = read(tree, doc.format(), problems, notes);
        if (imported == null) {
            return new ImportResult(null, problems.list(), notes);
        }
        Plan plan = PlanDefaults.fill(imported.plan(), fileName, notes);
        for (PlanIssue issue : PlanValidator.validate(plan)) {
            PlanIssue at = imported.toSource().apply(issue);
            problems.inString(at.pointer(), at.column(), at.message());
        }
        return new ImportResult(plan, problems.list(), notes);
    }

    private ImportedPlan read(JsonNode tree, Format fmt, SourceProblems problems, List<String> notes) {
        if (FlagConfigImport.matches(tree)) {
            return FlagConfigImport.read(tree, problems, notes);
        }
        if (RolloutPlanImport.matches(tree)) {
            return RolloutPlanImport.read(tree, problems, notes);
        }
        if (!tree.has("schema") && !(tree.has("change_id") && tree.has("stages"))) {
            problems.atValue("", "not a plan Rampart knows: expected \"schema\": \"" + Plan.SCHEMA
                    + "\", a rollout plan (change_id, stages, rollback_on) or a feature-flag file"
                    + " (canary.cohorts, halt_conditions)");
            return null;
        }
        if (!PlanKeys.check(tree, problems)) {
            return null;
        }
        try {
            return ImportedPlan.same(format.toPlan(tree));
        } catch (DatabindException e) {
            ReadErrors.binding(e, tree, problems);
            return null;
        } catch (JsonProcessingException e) {
            ReadErrors.syntax(e, fmt, problems);
            return null;
        }
    }
}
