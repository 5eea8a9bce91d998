package dev.rampart.ui.rollout;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rule.Condition;
import dev.rampart.domain.rule.HaltRule;
import dev.rampart.domain.rule.RuleParser;
import dev.rampart.domain.rule.Threshold;
import dev.rampart.spi.MetricWindow;
import dev.rampart.spi.Sample;
import dev.rampart.ui.charts.ChartLine;
import dev.rampart.ui.charts.ChartMarker;
import dev.rampart.ui.charts.LiveSample;
import dev.rampart.ui.charts.ValueFormat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Rollout screen charts: four metric families, one line per cohort on the new version plus the stable
 * population, the plan's absolute halt thresholds as lines, and the rollout's events as markers.
 */
public final class ChartFeed {

    /** One chart: its key, title, unit and the metrics it draws (a line per cohort and metric). */
    public record Family(String key, String title, ValueFormat format, List<String> metrics) {
    }

    public static final List<Family> FAMILIES = List.of(
            new Family("errors", "Error rate", ValueFormat.PERCENT, List.of("error_rate")),
            new Family("latency", "Latency p50 / p95 / p99", ValueFormat.MILLIS,
                    List.of("latency_p50", "latency_p95", "latency_p99")),
            new Family("vitals", "Web vitals: LCP p75 · INP p75", ValueFormat.MILLIS, List.of("lcp_p75", "inp_p75")),
            new Family("business", "Failed transactions", ValueFormat.PERCENT, List.of("failed_transactions")));

    static final String STABLE = "stable";

    private ChartFeed() {
    }

    public static Set<String> metrics() {
        Set<String> all = new LinkedHashSet<>();
        FAMILIES.forEach(f -> all.addAll(f.metrics()));
        return all;
    }

    /**
     * The window's samples as chart points. Latency draws every percentile for the newest cohort only and p95 for the
     * stable population, so the chart stays readable; the other families draw one line per cohort.
     */
    public static List<LiveSample> samples(MetricWindow window, String newestCohort) {
        List<LiveSample> out = new ArrayList<>();
        for (Family f : FAMILIES) {
            boolean latency = f.key().equals("latency");
            for (String metric : f.metrics()) {
                String suffix = f.metrics().size() > 1 ? " " + shortName(metric) : "";
                for (String cohort : window.cohorts().keySet()) {
                    if (latency && !cohort.equals(newestCohort)) {
                        continue;
                    }
                    add(out, f.key(), cohort + suffix, window.samples(cohort, metric));
                }
                if (!latency || metric.equals("latency_p95")) {
                    add(out, f.key(), STABLE + suffix, window.baselineSamples(metric));
                }
            }
        }
        return out;
    }

    private static void add(List<LiveSample> out, String chart, String series, List<Sample> samples) {
        for (Sample s : samples) {
            out.add(new LiveSample(chart, series, s.at().toEpochMilli(), s.value()));
        }
    }

    /** {@code latency_p95} → {@code p95}, {@code lcp_p75} → {@code LCP}. */
    static String shortName(String metric) {
        return switch (metric) {
            case "lcp_p75" -> "LCP";
            case "inp_p75" -> "INP";
            default -> metric.substring(metric.lastIndexOf('_') + 1);
        };
    }

    /** The absolute thresholds of the plan's halt rules that fall on {@code family}'s metrics. */
    public static List<ChartLine> thresholds(Family family, List<String> haltRules) {
        List<ChartLine> lines = new ArrayList<>();
        for (String text : haltRules) {
            HaltRule rule;
            try {
                rule = RuleParser.parseRule(text);
            } catch (RuntimeException e) {
                continue;
            }
            for (Condition c : rule.conditions()) {
                if (family.metrics().contains(c.metric()) && c.threshold() instanceof Threshold.Absolute a) {
                    lines.add(new ChartLine(text, a.value()));
                }
            }
        }
        return lines;
    }

    /** Markers for the events a person wants to see on the time axis. */
    public static List<ChartMarker> markers(List<AuditEvent> events) {
        List<ChartMarker> markers = new ArrayList<>();
        for (AuditEvent e : events) {
            String label = switch (e.type()) {
                case "rollout.expanded" -> "→ " + e.stage();
                case "rollout.traffic_changed" -> e.stage() + " " + e.data().getOrDefault("traffic_percent", "") + " %";
                case "rollout.halted" -> "halted";
                case "rollout.alerted" -> "alert";
                case "rollout.paused" -> "paused";
                case "rollout.resumed" -> "resumed";
                case "rollout.rolled_back" -> "rolled back";
                case "killswitch.changed" -> "kill switch";
                default -> null;
            };
            if (label != null) {
                boolean alarm = e.type().equals("rollout.halted") || e.type().equals("rollout.rolled_back");
                markers.add(new ChartMarker(e.at().toEpochMilli(), label, alarm));
            }
        }
        return markers;
    }
}
