package dev.rampart.ui;

import dev.rampart.domain.plan.Plan;
import dev.rampart.format.ImportResult;
import dev.rampart.format.PlanImporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo workspace's plan, imported as the app imports it: four cohorts, a December start in Africa/Cairo. */
public final class DemoPlans {
    private DemoPlans() {
    }

    /** {@link #checkoutCanary()} scheduled for 1 December 2026, 09:00 in Africa/Cairo, for the calendar. */
    public static Plan checkoutCanaryScheduled() {
        Plan p = checkoutCanary();
        dev.rampart.domain.plan.Schedule s = p.schedule();
        return new Plan(p.schema(), p.changeId(), p.service(), p.version(), p.previousVersion(), p.owner(),
                p.description(), p.stages(), p.haltRules(), p.approvals(), p.preconditions(), p.smokeTests(),
                p.rollbackSteps(), new dev.rampart.domain.plan.Schedule(java.time.LocalDateTime.of(2026, 12, 1, 9, 0),
                s.timeZone(), s.freezeWindows()), p.adapter(), p.metrics(), p.notifications(), p.enabled());
    }

    public static Plan checkoutCanary() {
        try (InputStream in = DemoPlans.class.getResourceAsStream("/demo/checkout-canary.rampart.json")) {
            ImportResult result = new PlanImporter().importText("demo", new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            if (!result.ok()) {
                throw new IllegalStateException(result.problems().toString());
            }
            return result.plan();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
