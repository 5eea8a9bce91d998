package dev.rampart.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.PlanIssue;
import dev.rampart.domain.plan.PlanValidator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /** A file on disk, read as UTF-8; a file that cannot be read is one problem without a line (0:0). */
    public ImportResult importFile(Path file) {
        String name = file.toString();
        try {
            return importText(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
            return new ImportResult(null, List.of(new Problem(name, 0, 0, "cannot read the file: " + why)), List.of());
        }
    }

    /**
     * {@code fileName} names the file in every problem and picks the format (.json, .yaml, .yml; otherwise by the
     * first character); {@code text} is its content.
     */
    public ImportResult importText(String fileName, String text) {
        Format fmt = Format.of(fileName, text);
        LocationIndex index = LocationIndex.of(text, format.mapper(fmt));
        SourceProblems problems = new SourceProblems(fileName, index);
        List<String> notes = new ArrayList<>();
        JsonNode tree;
        try {
            tree = format.readTree(text, fmt);
        } catch (JsonProcessingException e) {
            ReadErrors.syntax(e, fmt, problems);
            return new ImportResult(null, problems.list(), notes);
        }
        if (tree == null || !tree.isObject()) {
            problems.atValue("", tree == null ? "the file is empty; expected a plan"
                    : "expected a plan (an object), found " + ReadErrors.describe(tree));
            return new ImportResult(null, problems.list(), notes);
        }
        ImportedPlan imported = read(tree, fmt, problems, notes);
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
        PlanKeys.reportUnknown(tree, problems);
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
