package dev.rampart.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.PlanIssue;
import dev.rampart.domain.plan.Stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 000's rollout plan: {@code change_id}, {@code stages} as names ({@code canary}, {@code 25pct},
 * {@code 100pct}) and {@code rollback_on} rules, which become the plan's halt rules as they are.
 */
final class RolloutPlanImport {
    static final List<String> KEYS = List.of("change_id", "stages", "rollback_on");
    /** Seed 001's canary takes 10 % of traffic. */
    static final double CANARY_PERCENT = 10;
    private static final Pattern SHARE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:pct|%|percent)",
            Pattern.CASE_INSENSITIVE);

    private RolloutPlanImport() {
    }

    /** A change id and a list of stage names, and no schema: Rampart's own stages are objects. */
    static boolean matches(JsonNode tree) {
        JsonNode stages = tree.path("stages");
        if (tree.has("schema") || !tree.has("change_id") || !stages.isArray()) {
            return false;
        }
        for (JsonNode s : stages) {
            if (!s.isTextual()) {
                return false;
            }
        }
        return !stages.isEmpty() || tree.has("rollback_on");
    }

    static ImportedPlan read(JsonNode tree, SourceProblems problems, List<String> notes) {
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                problems.atKey(LocationIndex.child("", key), PlanKeys.unknownKey(key, "rollout plan", KEYS));
            }
        }
        String changeId = Nodes.text(tree, "/change_id", problems);
        List<Stage> stages = new ArrayList<>();
        List<Integer> fromLine = new ArrayList<>();
        JsonNode names = tree.path("stages");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).asText();
            Double share = share(name, notes);
            if (share == null) {
                problems.atValue("/stages/" + i, "stage \"" + name + "\" has no traffic share in its name;"
                        + " name it like 25pct, or canary (10 %) or ga (100 %)");
                continue;
            }
            Duration hold = PlanDefaults.stageHold(name, notes);
            stages.add(Stage.of(name, share, hold));
            fromLine.add(i);
        }
        List<String> rules = Nodes.texts(tree, "/rollback_on", problems);
        Plan plan = new Plan(null, changeId, null, null, null, null, null, stages, rules, null, null, null, null,
                null, null, null, null, null, PlanDefaults.monitoring(notes), PlanDefaults.watch(notes));
        return new ImportedPlan(plan, issue -> toSource(issue, fromLine));
    }

    /** {@code 25pct} is 25, {@code canary} 10 (said in the notes), {@code ga} 100; null when the name says none. */
    static Double share(String name, List<String> notes) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHARE.matcher(n);
        if (m.matches()) {
            return Double.valueOf(m.group(1));
        } else if (n.equals("canary")) {
            notes.add("stage " + name + ": traffic_percent " + Nodes.number(CANARY_PERCENT)
                    + " (a canary takes 10 % unless told otherwise)");
            return CANARY_PERCENT;
        } else if (n.equals("ga")) {
            return 100.0;
        }
        return null;
    }

    /** Halt rules are the rollback_on lines themselves; anything about a stage is about its name in the list. */
    private static PlanIssue toSource(PlanIssue issue, List<Integer> fromLine) {
        String p = issue.pointer();
        if (p.startsWith("/halt_rules/")) {
            return new PlanIssue("/rollback_on/" + p.substring("/halt_rules/".length()), issue.column(),
                    issue.message());
        }
        String[] parts = p.split("/");
        if (parts.length > 2 && parts[1].equals("stages")) {
            return PlanIssue.at("/stages/" + fromLine.get(Integer.parseInt(parts[2])), issue.message());
        }
        return PlanIssue.at(p, issue.message());
    }
}
