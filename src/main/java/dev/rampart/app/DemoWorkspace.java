package dev.rampart.app;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.engine.access.NotPermittedException;
import dev.rampart.engine.access.People;
import dev.rampart.keys.KeyFolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a new user sees on the first start of a fresh local store: a four-cohort canary plan, modelled on a real
 * feature-flag playbook, whose rollout runs at once on the simulator (sixty times faster than the wall clock); a
 * second plan scheduled just before a holiday freeze, to reschedule on the calendar; and people to sign them. The
 * demo people's keys are honest about what they are: demo keys, enrolled as such by the store's admin, lying beside
 * the demo store (in {@code demo-keys}) under the published passphrase {@value #DEMO_PASSPHRASE}; they open gates
 * only in this local demo workspace, never on a team store, where nobody is ever seeded.
 */
final class DemoWorkspace {
    static final String RESOURCE = "/demo/checkout-canary.rampart.json";
    static final String SCHEDULED = "/demo/search-scheduled.rampart.json";
    static final String DEMO_PASSPHRASE = "rampart-demo";
    /** The passphrase is published, so stretching it would only slow the first start. */
    static final int DEMO_KEY_ITERATIONS = 1_000;

    private DemoWorkspace() {
    }

    /**
     * Imports the demo plans into an empty local store, adds the demo people with their demo keys and returns the id
     * of the plan to roll out. A team's store (a database server) never gets demo people, their keys or their
     * passphrase, even when empty; a store that already holds plans is left alone, and so is one whose user may not
     * import plans and manage people: empty result.
     *
     * @param catalog  the catalog acting for {@code admin}, the store's first admin and release owner
     * @param demoKeys where the demo keys go (beside a local store); empty for a team store
     */
    static OptionalLong ensure(StoredPlanCatalog catalog, People people, String admin, Optional<Path> demoKeys) {
        if (demoKeys.isEmpty() || !catalog.plans().isEmpty() || people.find(admin).map(p -> !p.holds(Role.ADMIN))
                .orElse(true)) {
            return OptionalLong.empty();
        }
        long rollNow;
        try {
            load(catalog, SCHEDULED);
            rollNow = load(catalog, RESOURCE);
        } catch (NotPermittedException e) {
            return OptionalLong.empty();
        }
        people.seedDemo(admin, demoPeople(), new KeyFolder(demoKeys.get(), DEMO_KEY_ITERATIONS),
                DEMO_PASSPHRASE.toCharArray());
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
            String signer = demoPeople().stream().filter(p -> p.roles().contains(role))
                    .map(Person::name).findFirst().orElse("sam");
            signatures.sign(new dev.rampart.engine.access.SignRequest(id, null, item.text(), role,
                    "signed by the demo workspace"), signer, DEMO_PASSPHRASE.toCharArray());
        }
        service.tick(id);
        return id;
    }

    /** Approvers for every role the demo plan names, and an observer. */
    static List<Person> demoPeople() {
        return List.of(Person.of("priya", "Priya Raman (product, demo)", List.of(Role.PRODUCT)),
                Person.of("sam", "Sam Okafor (SRE lead, demo)", List.of(Role.SRE, Role.INFRASTRUCTURE)),
                Person.of("erin", "Erin Walsh (engineering, demo)", List.of(new Role("engineering"), Role.SECURITY)),
                Person.of("olga", "Olga Novak (observability, demo)", List.of(Role.OBSERVER)));
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
