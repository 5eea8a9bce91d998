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
