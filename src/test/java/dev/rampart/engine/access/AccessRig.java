package dev.rampart.engine.access;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.VirtualClock;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;
import dev.rampart.keys.KeyFolder;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real H2 store with the people of every role, the demo-like plan below and one rollout started by ana. Each person
 * enrolled their own key, kept in one key folder standing for everyone's own machine; keys use few PBKDF2 iterations
 * so tests stay fast ({@code KeyFolderTest} covers the real count).
 */
final class AccessRig implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final String PLAN = """
            {"schema": "rampart/plan/v1", "change_id": "REL-7", "service": "checkout", "version": "2.1.0",
             "stages": [
               {"name": "canary", "traffic_percent": 10, "approvals": ["sre"],
                "checklist": [{"text": "Canary diff within tolerance", "role": "sre"}, {"text": "Dashboards watched"}],
                "decision": {"after": "PT1H", "roles": ["product", "sre"]}},
               {"name": "ga", "traffic_percent": 100}],
             "approvals": {"required_roles": ["product", "security", "infrastructure"], "four_eyes": true,
                           "min_approvals": 2},
             "preconditions": [{"text": "Backup snapshot tested", "role": "infrastructure"},
                               {"text": "Rollback plan prepared", "role": "release_owner"}]}
            """;

    final Store store;
    final VirtualClock clock = new VirtualClock(T0);
    final KeyFolder keys;
    final AccessPolicy policy = new AccessPolicy();
    final Access access;
    final People people;
    final Signatures signatures;
    final Reviews reviews;
    final PlanFormat format = new PlanFormat();
    final StoredPlan plan;
    final Rollout rollout;

    AccessRig(Path folder) {
        this(folder, PLAN);
    }

    AccessRig(Path folder, String planJson) {
        store = Store.open(DataFolder.jdbcUrl(folder.resolve("store")), clock);
        keys = new KeyFolder(folder.resolve("keys"), 1_000);
        access = new Access(store.people(), policy);
        people = new People(store.people(), store.audit(), access, keys, clock);
        signatures = new Signatures(store.signatures(), store.rollouts(), store.plans(), store.audit(), store.audit(),
                policy, keys, format, clock);
        reviews = new Reviews(store.audit(), access, clock);
        people.firstStart("root");
        everyone().forEach((person, signs) -> {
            people.add("root", person.name(), person.displayName(), person.roles(), null);
            if (signs) {
                people.enrol(person.name(), pass(person.name()), false);
            }
        });
        plan = importPlan(planJson);
        rollout = store.rollouts().create(plan.id(), RolloutState.SCHEDULED, "ana",
                new NewEvent(null, T0, "rollout.scheduled", "ana", null, Map.of()));
    }

    /** Everyone but root, and whether they enrol a key. */
    static Map<Person, Boolean> everyone() {
        Map<Person, Boolean> all = new java.util.LinkedHashMap<>();
        all.put(Person.of("ana", "Ana Owner", List.of(Role.RELEASE_OWNER)), true);
        all.put(Person.of("bo", "Bo Owner", List.of(Role.RELEASE_OWNER, Role.PRODUCT)), true);
        all.put(Person.of("priya", "Priya", List.of(Role.PRODUCT)), true);
        all.put(Person.of("sam", "Sam", List.of(Role.SRE, Role.INFRASTRUCTURE)), true);
        all.put(Person.of("sec", "Sec", List.of(Role.SECURITY)), true);
        all.put(Person.of("olga", "Olga", List.of(Role.OBSERVER)), true);
        return all;
    }

    StoredPlan importPlan(String json) {
        var p = format.read(json, Format.JSON);
        return store.plans().add(p.changeId(), p.service(), p.version(), p.owner(), format.write(p, Format.JSON),
                "test", "ana");
    }

    /** Each person's passphrase: their name and "-passphrase" (at least 12 characters). */
    static char[] pass(String name) {
        return (name + "-passphrase").toCharArray();
    }

    AccessServices services() {
        return new AccessServices(access, people, signatures, new SignedApprovals(signatures), reviews);
    }

    @Override
    public void close() {
        store.close();
    }
}
