package dev.rampart.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.PlanIssue;
import dev.rampart.domain.plan.Stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 004's feature-flag configuration: {@code canary.cohorts.*} become stages in order of percentage, then
 * {@code ga} at 100 %; {@code halt_conditions} become halt rules; the global {@code enabled} is the plan's kill
 * switch and each cohort's {@code enabled} its stage's.
 */
final class FlagConfigImport {
    static final List<String> TOP_KEYS = List.of("canary");
    static final List<String> CANARY_KEYS = List.of("enabled", "version", "cohorts", "halt_conditions");
    static final List<String> COHORT_KEYS = List.of("enabled", "percentage", "users", "features");

    private FlagConfigImport() {
    }

    static boolean matches(JsonNode tree) {
        return tree.path("canary").isObject() && tree.path("canary").has("cohorts");
    }

    /** A cohort as read, with where it came from. */
    private record Cohort(Stage stage, String pointer) {
    }

    static ImportedPlan read(JsonNode tree, SourceProblems problems, List<String> notes) {
        unknownKeys(tree, "", TOP_KEYS, "feature-flag file", problems);
        unknownKeys(tree.path("canary"), "/canary", CANARY_KEYS, "canary", problems);
        Boolean enabled = Nodes.bool(tree, "/canary/enabled", problems);
        String version = Nodes.text(tree, "/canary/version", problems);

        List<Cohort> cohorts = cohorts(tree.path("canary").path("cohorts"), problems, notes);
        cohorts.sort(Comparator.comparingDouble(c -> c.stage().trafficPercent()));
        List<Stage> stages = new ArrayList<>(cohorts.stream().map(Cohort::stage).toList());
        List<String> stagePointers = new ArrayList<>(cohorts.stream().map(Cohort::pointer).toList());
        if (stages.isEmpty() || stages.get(stages.size() - 1).trafficPercent() < 100) {
            notes.add("stage ga: added at 100 % after the cohorts (the flag file has no general availability)");
            stages.add(Stage.of("ga", 100, PlanDefaults.stageHold("ga", notes)));
            stagePointers.add("/canary/cohorts");
        }

        List<String> rules = new ArrayList<>();
        List<String> rulePointers = new ArrayList<>();
        JsonNode conditions = tree.path("canary").path("halt_conditions");
        if (!conditions.isMissingNode() && !conditions.isNull() && !conditions.isObject()) {
            // a list of conditions has no properties: read as it is, it would be a plan without halt rules
            problems.atValue("/canary/halt_conditions", "halt_conditions: expected an object of conditions by name"
                    + " (error_rate: 0.01), found " + ReadErrors.describe(conditions));
        }
        for (Map.Entry<String, JsonNode> c : conditions.properties()) {
            String pointer = LocationIndex.child("/canary/halt_conditions", c.getKey());
            if (!c.getValue().isNumber()) {
                problems.atValue(pointer, "halt condition " + c.getKey() + ": expected a number, found "
                        + ReadErrors.describe(c.getValue()));
                continue;
            }
            Optional<String> rule = HaltConditions.rule(c.getKey(), c.getValue().decimalValue());
            if (rule.isEmpty()) {
                problems.atKey(pointer, "unknown halt condition \"" + c.getKey() + "\"; expected "
                        + HaltConditions.EXPECTED);
                continue;
            }
            rules.add(rule.get());
            rulePointers.add(pointer);
        }

        String changeId = "FLAGS-" + (version == null ? "unversioned" : version);
        notes.add("change_id " + changeId + " (the flag file has none; made from its version)");
        Plan plan = new Plan(null, changeId, null, version, null, null, null, stages, rules, null, null, null, null,
                null, null, null, null, enabled);
        return new ImportedPlan(plan, issue -> toSource(issue, stagePointers, rulePointers));
    }

    private static List<Cohort> cohorts(JsonNode node, SourceProblems problems, List<String> notes) {
        List<Cohort> cohorts = new ArrayList<>();
        if (!node.isObject()) {
            problems.atValue("/canary/cohorts", "cohorts: expected an object of cohorts by name, found "
                    + ReadErrors.describe(node));
            return cohorts;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            JsonNode c = entry.getValue();
            String p = LocationIndex.child("/canary/cohorts", name);
            if (!c.isObject()) {
                problems.atValue(p, "cohort " + name + ": expected an object (percentage, users, enabled), found "
                        + ReadErrors.describe(c));
                continue;
            }
            unknownKeys(c, p, COHORT_KEYS, "cohort " + name, problems);
            JsonNode percentage = c.path("percentage");
            if (!percentage.isNumber()) {
                problems.atValue(percentage.isMissingNode() ? p : p + "/percentage", "cohort " + name
                        + ": percentage: expected a number, found " + ReadErrors.describe(percentage));
                continue;
            }
            if (c.has("features")) {
                notes.add("cohort " + name + ": features " + c.get("features")
                        + " not imported (a stage has no feature list)");
            }
            Stage stage = new Stage(name, percentage.doubleValue(), Nodes.texts(c, "/users", problems),
                    PlanDefaults.stageHold(name, notes), null, null, null, null, null, null,
                    Nodes.bool(c, "/enabled", problems));
            cohorts.add(new Cohort(stage, p));
        }
        return cohorts;
    }

    private static void unknownKeys(JsonNode node, String pointer, List<String> keys, String where,
                                    SourceProblems problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                problems.atKey(LocationIndex.child(pointer, key), PlanKeys.unknownKey(key, where, keys));
            }
        }
    }

    /** A stage's issue is its cohort's; a rule's is its halt condition's (whose text we wrote, so no column). */
    private static PlanIssue toSource(PlanIssue issue, List<String> stages, List<String> rules) {
        String[] parts = issue.pointer().split("/");
        if (parts.length > 2 && parts[1].equals("stages")) {
            return PlanIssue.at(stages.get(Integer.parseInt(parts[2])), issue.message());
        }
        if (parts.length > 2 && parts[1].equals("halt_rules")) {
            return PlanIssue.at(rules.get(Integer.parseInt(parts[2])), issue.message());
        }
        return PlanIssue.at(issue.pointer().equals("/stages") ? "/canary/cohorts" : "", issue.message());
    }
}
