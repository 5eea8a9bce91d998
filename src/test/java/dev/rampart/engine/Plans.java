package dev.rampart.engine;

import dev.rampart.domain.plan.AdapterSettings;
import dev.rampart.domain.plan.Approvals;
import dev.rampart.domain.plan.MetricSettings;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Schedule;
import dev.rampart.domain.plan.Stage;

import java.time.Duration;
import java.util.List;

/** Small plans for engine tests. */
final class Plans {
    private Plans() {
    }

    /** canary 10 % for 1 h, 25pct for 1 h, 100pct for 1 h. */
    static List<Stage> threeStages() {
        return List.of(Stage.of("canary", 10, Duration.ofHours(1)), Stage.of("25pct", 25, Duration.ofHours(1)),
                Stage.of("100pct", 100, Duration.ofHours(1)));
    }

    static Plan plan(List<Stage> stages, List<String> rules) {
        return plan(stages, rules, null, null);
    }

    static Plan plan(List<Stage> stages, List<String> rules, Schedule schedule, Approvals approvals) {
        return new Plan(Plan.SCHEMA, "REL-TEST-01", "checkout", "2.1.0", "2.0.4", "olga", null, stages, rules,
                approvals, null, null, null, schedule, AdapterSettings.simulator(), MetricSettings.simulator(), null,
                null);
    }
}
