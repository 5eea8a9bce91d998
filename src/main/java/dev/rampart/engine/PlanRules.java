package dev.rampart.engine;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rule.Condition;
import dev.rampart.domain.rule.HaltRule;
import dev.rampart.domain.rule.Metrics;
import dev.rampart.domain.rule.RuleParser;
import dev.rampart.domain.rule.Threshold;
import dev.rampart.domain.rule.Thresholds;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A plan with its halt rules and stage entry and exit criteria parsed: what the engine runs.
 * Criteria maps are keyed by stage name; a stage without criteria may be absent.
 */
public record PlanRules(Plan plan, List<HaltRule> haltRules, Map<String, List<HaltRule>> entryCriteria,
                        Map<String, List<HaltRule>> exitCriteria) {

    public PlanRules {
        haltRules = List.copyOf(haltRules);
        entryCriteria = Map.copyOf(entryCriteria);
        exitCriteria = Map.copyOf(exitCriteria);
        if (plan.stages().isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one stage");
        }
    }

    /** Parses the plan's rule lines. @throws dev.rampart.domain.rule.RuleSyntaxException for a bad one */
    public static PlanRules parse(Plan plan) {
        List<HaltRule> rules = plan.haltRules().stream().map(RuleParser::parseRule).toList();
        Map<String, List<HaltRule>> entries = new HashMap<>();
        Map<String, List<HaltRule>> exits = new HashMap<>();
        for (Stage s : plan.stages()) {
            entries.put(s.name(), s.entry().stream().map(RuleParser::parseCriterion).toList());
            exits.put(s.name(), s.exit().stream().map(RuleParser::parseCriterion).toList());
        }
        return new PlanRules(plan, rules, entries, exits);
    }

    public List<HaltRule> entryCriteria(String stage) {
        return entryCriteria.getOrDefault(stage, List.of());
    }

    public List<HaltRule> exitCriteria(String stage) {
        return exitCriteria.getOrDefault(stage, List.of());
    }

    public Stage stage(int index) {
        return plan.stages().get(index);
    }

    public int lastStage() {
        return plan.stages().size() - 1;
    }

    /** Every metric a rule or criterion reads, with the baseline percentiles they compare to, and error_rate. */
    public Set<String> metrics() {
        Set<String> names = new LinkedHashSet<>();
        names.add(Metrics.ERROR_RATE);
        Stream.concat(haltRules.stream(), Stream.concat(entryCriteria.values().stream(),
                        exitCriteria.values().stream()).flatMap(List::stream))
                .flatMap(r -> r.conditions().stream())
                .forEach(c -> names.addAll(metricsOf(c)));
        return names;
    }

    private static List<String> metricsOf(Condition c) {
        if (c.threshold() instanceof Threshold.BaselinePercentile p) {
            return List.of(c.metric(), Thresholds.percentileSibling(c.metric(), p.percentile()));
        }
        return List.of(c.metric());
    }
}
