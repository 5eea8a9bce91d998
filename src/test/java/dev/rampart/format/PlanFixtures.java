package dev.rampart.format;

import dev.rampart.domain.plan.AdapterSettings;
import dev.rampart.domain.plan.Approvals;
import dev.rampart.domain.plan.ChecklistItem;
import dev.rampart.domain.plan.Decision;
import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.MetricSettings;
import dev.rampart.domain.plan.Monitoring;
import dev.rampart.domain.plan.Notification;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.domain.plan.Schedule;
import dev.rampart.domain.plan.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Plans and files the format tests share. */
final class PlanFixtures {
    private PlanFixtures() {
    }

    static String example(String name) {
        try {
            return Files.readString(Path.of("docs/examples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plan in which every record component of every plan record holds a value. */
    static Plan everyField() {
        Stage canary = new Stage("canary", 0.5, List.of("eng-team", "qa"), Duration.ofMinutes(30),
                Duration.ofHours(2), List.of("error_rate < 0.1% for 10m"), List.of("error_rate < 0.1% for 30m"),
                List.of("engineering"), List.of(new ChecklistItem("Smoke tests pass", "engineering",
                List.of("make", "smoke"), Duration.ofMinutes(10))), new Decision(Duration.ofMinutes(45), List.of("sre_lead")), false);
        Stage beta = new Stage("beta", 25, List.of("beta-opt-in"), Duration.ofHours(48), Duration.ofHours(72),
                List.of(), List.of("error_rate < 0.5% for 48h"), List.of("product"),
                List.of(ChecklistItem.of("Beta announcement sent")), new Decision(Duration.ofHours(48),
                List.of("product", "security")), true);
        Stage ga = Stage.of("ga", 100, null);
        return new Plan(Plan.SCHEMA, "REL-2026-12-01-01", "checkout", "2.1.0", "2.0.4", "release.owner",
                "New payment sheet: yes, \"quoted\" and: colons",
                List.of(canary, beta, ga),
                List.of("error_rate > 1% for 5m", "latency_p99 > 5x baseline for 10m",
                        "checkout_conversion < baseline-10% for 30m -> pause"),
                new Approvals(List.of("product", "security"), true, 2),
                List.of(new ChecklistItem("CI green", "engineering", List.of("make", "ci-status"))),
                List.of(new ChecklistItem("Checkout smoke suite", "sre_lead", List.of("make", "smoke"))),
                List.of(new RollbackStep("Re-deploy", "application", List.of("deploy", "--version", "2.0.4")),
                        new RollbackStep("Downgrade", "database", List.of("alembic", "downgrade", "-1"),
                                Duration.ofMinutes(20))),
                new Schedule(LocalDateTime.of(2026, 12, 1, 9, 0), "Africa/Cairo",
                        List.of(new FreezeWindow(LocalDateTime.of(2026, 12, 24, 0, 0),
                                LocalDateTime.of(2026, 12, 27, 0, 0, 30), "Holidays"))),
                new AdapterSettings("command", Map.of("deploy", List.of("deploy", "--version", "{version}"),
                        "timeout_seconds", 300, "dry", false, "version_label", "2.0", "note", "", "env", List.of())),
                new MetricSettings("prometheus",
                        Map.of("checkout_conversion", "sum(rate(orders[5m])) / sum(rate(visits[5m]))"),
                        Map.of("url", "http://prometheus:9090", "step", "PT1M")),
                List.of(new Notification("slack", "#releases", List.of("rollout.halted", "rollout.rolled_back"))),
                true, new Monitoring(Duration.ofMinutes(2)), Duration.ofDays(14));
    }
}
