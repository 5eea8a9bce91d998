package dev.rampart.ui;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;

import java.time.Duration;
import java.util.List;

/** Plans shaped like the seeds' playbooks, for UI tests and the preview launcher. */
public final class SamplePlans {
    private SamplePlans() {
    }

    /** The product specification's example: four stages from internal_test to ga. */
    public static Plan checkout() {
        return plan("REL-2026-12-01-01", "checkout", "2.1.0", "2.0.4", "mona", List.of(
                Stage.of("internal_test", 0.5, Duration.ofHours(1)),
                Stage.of("friendly_gp", 5, Duration.ofHours(24)),
                Stage.of("beta", 25, Duration.ofHours(48)),
                Stage.of("ga", 100, null)));
    }

    /** {@link #checkout()} as the importer stores it: ga got the default hold of 1 h. */
    public static Plan checkoutAsImported() {
        return plan("REL-2026-12-01-01", "checkout", "2.1.0", "2.0.4", "mona", List.of(
                Stage.of("internal_test", 0.5, Duration.ofHours(1)),
                Stage.of("friendly_gp", 5, Duration.ofHours(24)),
                Stage.of("beta", 25, Duration.ofHours(48)),
                Stage.of("ga", 100, Duration.ofHours(1))));
    }

    /** Seed 000's shape: canary, 25pct, 100pct. */
    public static Plan journalSchema() {
        return plan("CHG-2026-118", "journal-entries", "3.4.0", "3.3.2", "omar", List.of(
                Stage.of("canary", 10, Duration.ofMinutes(30)),
                Stage.of("25pct", 25, Duration.ofHours(1)),
                Stage.of("100pct", 100, Duration.ofHours(1))));
    }

    /** Seed 002's shape: internal canary, pilot organisations, general availability. */
    public static Plan prescriptionUploads() {
        return plan("REL-2026-11-30-02", "prescription-upload", "1.8.0", "1.7.3", "lena", List.of(
                Stage.of("internal_test", 1, Duration.ofHours(2)),
                Stage.of("pilot_orgs", 10, Duration.ofHours(24)),
                Stage.of("ga", 100, null)));
    }

    /** Seed 001's shape: one canary, then everyone. */
    public static Plan ledgerMigration() {
        return plan("CHG-2026-121", "ledger-schema", "47", "46", "omar", List.of(
                Stage.of("canary", 10, Duration.ofMinutes(30)),
                Stage.of("100pct", 100, Duration.ofHours(1))));
    }

    private static Plan plan(String changeId, String service, String version, String previous, String owner,
                             List<Stage> stages) {
        return new Plan(Plan.SCHEMA, changeId, service, version, previous, owner, null, stages, List.of(), null,
                null, null, null, null, null, null, null, null);
    }
}
