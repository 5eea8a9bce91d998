package dev.rampart.app;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.RolloutService;
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
import java.util.OptionalLong;

/**
 * What a new user sees on the first start: a four-cohort canary plan, modelled on a real feature-flag playbook, whose
 * rollout runs at once on the simulator (sixty times faster than the wall clock); a second plan scheduled just before
 * a holiday freeze, to reschedule on the calendar; and people to sign them (each with the passphrase
 * {@value #DEMO_PASSPHRASE}, shown in the README: for the demo only).
 */
final class DemoWorkspace {
    static final String RESOURCE = "/demo/checkout-canary.rampart.json";
    static final String SCHEDULED = "/demo/search-scheduled.rampart.json";
    static final String DEMO_PASSPHRASE = "demo";

    private DemoWorkspace() {
    }

    /**
     * Imports the demo plans into a fresh local store, adds the demo people and returns the id of the plan to roll
     * out. A team's store (a database server) never gets demo people or their passphrase, even when empty; a store
     * that already holds plans is left alone, and so is one whose operating-system user may not import plans: empty
     * result.
     *
     * @param localStore the store is an embedded H2 file, one person's
     * @param catalog the catalog acting for the operating-system user, the store's first admin and release owner
     */
    static OptionalLong ensure(boolean localStore, StoredPlanCatalog catalog, People people) {
        if (!localStore || !catalog.plans().isEmpty()) {
            return OptionalLong.empty();
        }
        long rollNow;
        try {
            load(catalog, SCHEDULED);
            rollNow = load(catalog, RESOURCE);
        } catch (NotPermittedException e) {
            return OptionalLong.empty();
        }
        people.seedDemo(demoPeople());
        return OptionalLong.of(rollNow);
    }

    /**
     * Starts the demo plan's rollout, so the console opens on a live rollout. Its preconditions gate the start, so the
     * demo people sign them first (saying so in the comment); the stages' checklists are left for the person trying it.
     */
    static long startRollout(RolloutService service, dev.rampart.engine.access.Signatures signatures,
                             dev.rampart.domain.plan.Plan plan, long planId, String user) {
        long id = service.start(planId, user).id();
        for (var item : plan.preconditions()) {
            if (item.checkedByCommand()) {
                continue;
            }
            Role role = Role.of(item.role() == null || item.role().isBlank() ? "sre" : item.role());
            String signer = demoPeople().keySet().stream().filter(p -> p.roles().contains(role))
                    .map(Person::name).findFirst().orElse("sam");
            signatures.sign(new dev.rampart.engine.access.SignRequest(id, null, item.text(), role,
                    "signed by the demo workspace"), signer, DEMO_PASSPHRASE.toCharArray());
        }
        service.tick(id);
        return id;
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
