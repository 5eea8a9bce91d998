package dev.rampart.evidence;

import dev.rampart.domain.rollout.AuditEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's charts, drawn from what the rollout's events carry: the traffic on the new version over time (from
 * every confirmed split), and for each metric a halt rule read, the measured values against their thresholds.
 */
final class Charts {
    record Chart(String title, String caption, String svg) {
    }

    private Charts() {
    }

    static List<Chart> of(EvidenceInput in) {
        List<AuditEvent> events = in.events();
        Instant from = in.rollout().createdAt();
        Instant to = events.isEmpty() ? from : events.get(events.size() - 1).at();
        List<Chart> charts = new ArrayList<>();
        charts.add(traffic(events, from, to));
        Map<String, List<AuditEvent>> readings = new LinkedHashMap<>();
        for (AuditEvent e : events) {
            if ((e.type().equals("rollout.halted") || e.type().equals("rollout.alerted"))
                    && e.data().containsKey("metric") && EvidenceJson.number(e.data().get("value")) != null) {
                readings.computeIfAbsent(e.data().get("metric"), m -> new ArrayList<>()).add(e);
            }
        }
        readings.forEach((metric, list) -> charts.add(metric(metric, list, from, to)));
        return charts;
    }

    private static Chart traffic(List<AuditEvent> events, Instant from, Instant to) {
        SvgChart c = new SvgChart("Traffic on the new version", "%", from, to).step(from, 0);
        for (AuditEvent e : events) {
            Double percent = EvidenceJson.number(e.data().get("traffic_percent"));
            switch (e.type()) {
                case "rollout.expanded", "rollout.narrowed", "rollout.traffic_changed" -> {
                    if (percent != null) {
                        c.step(e.at(), percent);
                    }
                }
                case "rollout.rolling_back" -> c.marker(e.at(), "rollback decided", "#b42318");
                case "rollout.rolled_back" -> c.step(e.at(), 0).marker(e.at(), "rolled back", "#b42318");
                case "rollout.promoted" -> c.step(e.at(), 100).marker(e.at(), "promoted (forced)", "#b54708");
                case "rollout.halted" -> c.marker(e.at(), "halt: " + e.data().getOrDefault("metric", ""), "#b42318");
                default -> { }
            }
        }
        return new Chart("Traffic on the new version", "Confirmed by the adapter at each step; markers show halts"
                + " and the rollback.", c.svg());
    }

    private static Chart metric(String metric, List<AuditEvent> readings, Instant from, Instant to) {
        boolean fraction = Set.of("error_rate", "failed_transactions", "engine_timeout_rate", "approval_denial_rate",
                "cpu", "memory").contains(metric);
        double scale = fraction ? 100 : 1;
        String unit = fraction ? "%" : metric.startsWith("latency") || metric.endsWith("_p75") && !metric.startsWith("cls")
                ? " ms" : "";
        SvgChart c = new SvgChart(metric, unit, from, to);
        Set<String> rules = new LinkedHashSet<>();
        for (AuditEvent e : readings) {
            double value = EvidenceJson.number(e.data().get("value")) * scale;
            c.point(e.at(), value);
            Double threshold = EvidenceJson.number(e.data().get("threshold"));
            String rule = e.data().getOrDefault("rule", metric);
            if (threshold != null && rules.add(rule)) {
                c.threshold(threshold * scale, "threshold: " + rule);
            }
            c.marker(e.at(), e.data().getOrDefault("cohort", "") + " " + SvgChart.format(value) + unit, "#b42318");
        }
        return new Chart(metric, "Values measured when a rule on " + metric + " tripped, against the rule's"
                + " threshold (dashed).", c.svg());
    }
}
