package dev.rampart.format;

import dev.rampart.domain.plan.AdapterSettings;
import dev.rampart.domain.plan.MetricSettings;
import dev.rampart.domain.plan.Monitoring;
import dev.rampart.domain.plan.Plan;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The defaults an import fills in, each one said in a sentence so the release owner knows what was assumed. */
final class PlanDefaults {
    static final Duration STAGE_HOLD = Duration.ofHours(1);
    static final Duration CANARY_HOLD = Duration.ofMinutes(30);

    private PlanDefaults() {
    }

    /** How long a stage holds when the file gives no duration: 1 h, a canary 30 min. */
    static Duration stageHold(String stage, List<String> notes) {
        boolean canary = "canary".equalsIgnoreCase(stage);
        Duration hold = canary ? CANARY_HOLD : STAGE_HOLD;
        notes.add("stage " + stage + ": min_duration " + hold + " (no duration given"
                + (canary ? "; a canary holds 30 minutes)" : ")"));
        return hold;
    }

    /** A stage's minimum and maximum hold. */
    record Hold(Duration min, Duration max) {
    }

    /**
     * Seed 004's cohorts run as the seed says: internal_test 1 to 2 hours, friendly_gp 24 hours, beta 48 to 72
     * hours; other cohort names get the usual default.
     */
    static Hold seedCohortHold(String cohort, List<String> notes) {
        return switch (cohort) {
            case "internal_test" -> seedHold(cohort, Duration.ofHours(1), Duration.ofHours(2), "1 to 2 hours", notes);
            case "friendly_gp" -> seedHold(cohort, Duration.ofHours(24), null, "24 hours", notes);
            case "beta" -> seedHold(cohort, Duration.ofHours(48), Duration.ofHours(72), "48 to 72 hours", notes);
            default -> new Hold(stageHold(cohort, notes), null);
        };
    }

    private static Hold seedHold(String cohort, Duration min, Duration max, String said, List<String> notes) {
        notes.add("stage " + cohort + ": min_duration " + min + " (seed 004: " + cohort + " runs " + said + ")");
        if (max != null) {
            notes.add("stage " + cohort + ": max_duration " + max + " (seed 004: " + cohort + " runs " + said + ")");
        }
        return new Hold(min, max);
    }

    /** The monitoring gap a foreign file cannot say: monitoring.max_gap PT5M. */
    static Monitoring monitoring(List<String> notes) {
        notes.add("monitoring.max_gap " + Monitoring.DEFAULT_MAX_GAP + " (none given: a rule's metric without a"
                + " reading for longer pauses the rollout)");
        return new Monitoring(Monitoring.DEFAULT_MAX_GAP);
    }

    /** The watch after completion a foreign file cannot say: P7D (seed 002 tracks a release for 7 days). */
    static Duration watch(List<String> notes) {
        notes.add("watch P" + Plan.DEFAULT_WATCH.toDays() + "D (none given: after completion, halt rules stay enforced and"
                + " rollback stays possible for 7 days)");
        return Plan.DEFAULT_WATCH;
    }

    /** Schema, service, change id, adapter and metric source, where the plan lacks them. */
    static Plan fill(Plan p, String fileName, List<String> notes) {
        String schema = p.schema();
        if (schema == null) {
            schema = Plan.SCHEMA;
            notes.add("schema " + schema + " (none given)");
        }
        String service = p.service();
        if (service == null || service.isBlank()) {
            service = serviceFromFileName(fileName);
            notes.add("service " + service + " (none given; taken from the file name)");
        }
        String changeId = p.changeId();
        if (changeId == null || changeId.isBlank()) {
            changeId = p.version() == null ? service : service + "-" + p.version();
            notes.add("change_id " + changeId + " (none given; made from the service and version)");
        }
        AdapterSettings adapter = p.adapter();
        if (adapter == null || adapter.type() == null) {
            adapter = new AdapterSettings("simulator", adapter == null ? null : adapter.settings());
            notes.add("adapter simulator (none given)");
        }
        MetricSettings metrics = p.metrics();
        if (metrics == null || metrics.source() == null) {
            metrics = metrics == null ? MetricSettings.simulator()
                    : new MetricSettings("simulator", metrics.queries(), metrics.settings());
            notes.add("metrics source simulator (none given)");
        }
        return new Plan(schema, changeId, service, p.version(), p.previousVersion(), p.owner(), p.description(),
                p.stages(), p.haltRules(), p.approvals(), p.preconditions(), p.smokeTests(), p.rollbackSteps(),
                p.schedule(), adapter, metrics, p.notifications(), p.enabled(), p.monitoring(), p.watch());
    }

    /** "plans/seed-004-feature-flags.json" gives "seed-004-feature-flags". */
    static String serviceFromFileName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceFirst("(?i)\\.(json|ya?ml)$", "").replaceFirst("(?i)\\.rampart$", "");
        return name.isBlank() ? "unnamed" : name.toLowerCase(Locale.ROOT);
    }
}
