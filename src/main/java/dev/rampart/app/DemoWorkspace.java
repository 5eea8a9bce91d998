package dev.rampart.app;

import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.StoredPlanCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What a new user sees on the first start: a real plan, modelled on a four-cohort canary playbook. */
final class DemoWorkspace {
    static final String RESOURCE = "/demo/checkout-canary.rampart.json";

    private DemoWorkspace() {
    }

    /** Imports the demo plan into an empty store; a store that already holds plans is left alone. */
    static boolean ensure(StoredPlanCatalog catalog) {
        if (!catalog.plans().isEmpty()) {
            return false;
        }
        ImportOutcome outcome = catalog.importText("demo workspace", text());
        if (!outcome.ok()) {
            throw new IllegalStateException("the demo plan does not validate: " + outcome.problems());
        }
        return true;
    }

    static String text() {
        try (InputStream in = DemoWorkspace.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
