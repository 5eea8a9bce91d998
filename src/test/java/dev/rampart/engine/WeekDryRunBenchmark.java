package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.plan.Stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A week of rollout at one-minute ticks with twenty halt rules, dry-run several times; prints the median wall time.
 * Needs only the main classes and Jackson on the class path:
 * {@code java -cp target/classes:target/test-classes:JACKSON_JARS dev.rampart.engine.WeekDryRunBenchmark}.
 */
public final class WeekDryRunBenchmark {
    static final List<String> TWENTY_RULES = List.of(
            "error_rate > 1% for 5m", "error_rate > baseline+0.5pp and error_rate > baseline+20% for 5m",
            "failed_transactions > 0.1%", "engine_timeout_rate > 0.5% for 5m", "approval_denial_rate > 3sigma",
            "latency_p99 > 5x baseline for 10m", "latency > p95+30pct", "latency_p95 > baseline+25% for 10m",
            "latency_p50 > 400ms for 10m", "latency_p75 > 2s for 5m", "lcp_p75 > 2500ms for 15m",
            "inp_p75 > 200ms for 15m", "cls_p95 > 0.1 for 15m", "memory > 90% for 5m -> pause",
            "cpu > 80% for 5m -> pause", "error_rate > 2pct", "engine_timeout_rate > 5x baseline for 10m",
            "failed_transactions > baseline+0.2pp for 5m", "inp_p75 > p75+50% for 10m -> alert",
            "approval_denial_rate > 10% for 2m");

    private WeekDryRunBenchmark() {
    }

    public static void main(String[] args) {
        DryRunResult last = measure(10, 3);
        System.out.println("last run: " + last.finalState() + " after " + last.elapsed());
    }

    /** Runs {@code runs} times, prints the median of all but the first {@code warmUps}, returns the last result. */
    static DryRunResult measure(int runs, int warmUps) {
        List<Stage> stages = List.of(Stage.of("internal_test", 0.5, Duration.ofHours(1)),
                Stage.of("friendly_gp", 5, Duration.ofHours(24)), Stage.of("beta", 25, Duration.ofHours(48)),
                Stage.of("ga", 100, Duration.ofHours(95)));
        PlanRules rules = PlanRules.parse(Plans.plan(stages, TWENTY_RULES));
        List<Long> nanos = new ArrayList<>();
        DryRunResult last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = DryRun.run(rules, Scenario.quiet(42 + i));
            nanos.add(System.nanoTime() - t0);
        }
        List<Long> measured = new ArrayList<>(nanos.subList(warmUps, nanos.size()));
        measured.sort(null);
        System.out.printf("week dry run (10081 one-minute ticks, %d rules, 4 stages): median %.1f ms over %d runs"
                + " after %d warm-ups; every run in ms: %s%n", rules.haltRules().size(),
                measured.get(measured.size() / 2) / 1e6, measured.size(), warmUps,
                nanos.stream().map(n -> String.format("%.0f", n / 1e6)).toList());
        return last;
    }
}
