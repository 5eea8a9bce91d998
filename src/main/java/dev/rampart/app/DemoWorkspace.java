package dev.rampart.app;

import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.StoredPlanCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * What a new user sees on the first start: a four-cohort canary plan, modelled on a real feature-flag playbook, whose
 * rollout runs at once on the simulator (sixty times faster than the wall clock), and a second plan scheduled just
 * before a holiday freeze, to reschedule on the calendar.
 */
final class DemoWorkspace {
    static final String RESOURCE = "/demo/checkout-canary.rampart.json";
    static final String SCHEDULED = "/demo/search-scheduled.rampart.json";

    private DemoWorkspace() {
    }

    /**
     * Imports the demo plans into an empty store and returns the id of the one to roll out; a store that already
     * holds plans is left alone (empty result).
     */
    static OptionalLong ensure(StoredPlanCatalog catalog) {
        if (!catalog.plans().isEmpty()) {
            return OptionalLong.empty();
        }
        load(catalog, SCHEDULED);
        return OptionalLong.of(load(catalog, RESOURCE));
    }

    /** Starts the demo plan's rollout, so the console opens on a live rollout. */
    static long startRollout(RolloutService service, long planId, String user) {
        return service.start(planId, user).id();
    }

    private static long load(StoredPlanCatalog catalog, String resource) {
        ImportOutcome outcome = catalog.importText("demo workspace", text(resource));
        if (!outcome.ok()) {
            throw new IllegalStateException("the demo plan " + resource + " does not validate: " + outcome.problems());
        }
        return outcome.planId();
    }

    static String text() {
        return text(RESOURCE);
    }

    static String text(String resource) {
        try (InputStream in = DemoWorkspace.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
