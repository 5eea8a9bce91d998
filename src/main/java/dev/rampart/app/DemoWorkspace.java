package dev.rampart.app;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.engine.access.NotPermittedException;
import dev.rampart.engine.access.People;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a new user sees on the first start: a real plan, modelled on a four-cohort canary playbook, and people to
 * sign it (each with the passphrase {@value #DEMO_PASSPHRASE}, shown in the README: for the demo only).
 */
final class DemoWorkspace {
    static final String RESOURCE = "/demo/checkout-canary.rampart.json";
    static final String DEMO_PASSPHRASE = "demo";

    private DemoWorkspace() {
    }

    /**
     * Imports the demo plan into an empty store and adds the demo people; a store that already holds plans is left
     * alone, and so is one whose operating-system user may not import plans (a team's store).
     *
     * @param catalog the catalog acting for the operating-system user, the store's first admin and release owner
     */
    static boolean ensure(StoredPlanCatalog catalog, People people) {
        if (!catalog.plans().isEmpty()) {
            return false;
        }
        ImportOutcome outcome;
        try {
            outcome = catalog.importText("demo workspace", text());
        } catch (NotPermittedException e) {
            return false;
        }
        if (!outcome.ok()) {
            throw new IllegalStateException("the demo plan does not validate: " + outcome.problems());
        }
        people.seedDemo(demoPeople());
        return true;
    }

    /** Approvers for every role the demo plan names, and an observer. */
    static Map<Person, char[]> demoPeople() {
        Map<Person, char[]> people = new LinkedHashMap<>();
        people.put(Person.of("priya", "Priya Raman (product)", List.of(Role.PRODUCT)), DEMO_PASSPHRASE.toCharArray());
        people.put(Person.of("sam", "Sam Okafor (SRE lead)", List.of(Role.SRE, Role.INFRASTRUCTURE)),
                DEMO_PASSPHRASE.toCharArray());
        people.put(Person.of("erin", "Erin Walsh (engineering)", List.of(new Role("engineering"), Role.SECURITY)),
                DEMO_PASSPHRASE.toCharArray());
        people.put(Person.of("olga", "Olga Novak (observability)", List.of(Role.OBSERVER)),
                DEMO_PASSPHRASE.toCharArray());
        return people;
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
