package dev.rampart.engine.access;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.repo.PeopleRepository;
import dev.rampart.domain.rollout.NewEvent;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The people of a store and their roles. Adding people and changing roles is for admins; every change is an audit
 * event ({@code person.added}, {@code role.granted}, {@code role.revoked}, {@code person.passphrase_set}).
 * Passphrases arrive as {@code char[]} and are cleared before these methods return.
 */
public final class People {
    private final PeopleRepository repo;
    private final Access access;
    private final Passphrases passphrases;
    private final Clock clock;

    public People(PeopleRepository repo, Access access, Passphrases passphrases, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.passphrases = passphrases;
        this.clock = clock;
    }

    public List<Person> list() {
        return repo.list();
    }

    public Optional<Person> find(String name) {
        return repo.find(name);
    }

    /** True when the person has a passphrase and so can sign. */
    public boolean canSign(String name) {
        return repo.passphraseHash(name).isPresent();
    }

    /**
     * Adds a person; {@code passphrase} may be null (they set one before their first signature).
     *
     * @throws NotPermittedException unless {@code admin} holds admin
     * @throws IllegalArgumentException when the name is taken
     */
    public Person add(String admin, String name, String displayName, Collection<Role> roles, char[] passphrase) {
        try {
            access.require(admin, Permission.MANAGE_PEOPLE, null);
            if (repo.find(name).isPresent()) {
                throw new IllegalArgumentException("There is already someone called " + name);
            }
            return addUnchecked(admin, Person.of(name, displayName, roles), passphrase);
        } finally {
            clear(passphrase);
        }
    }

    public Person grant(String admin, String name, Role role) {
        access.require(admin, Permission.MANAGE_PEOPLE, null);
        Person person = existing(name);
        if (person.holds(role)) {
            return person;
        }
        TreeSet<Role> roles = new TreeSet<>(person.roles());
        roles.add(role);
        return repo.update(person.withRoles(roles), event("role.granted", admin, name, role));
    }

    /** @throws IllegalStateException when it would leave the store without an admin */
    public Person revoke(String admin, String name, Role role) {
        access.require(admin, Permission.MANAGE_PEOPLE, null);
        Person person = existing(name);
        if (!person.holds(role)) {
            return person;
        }
        if (role.equals(Role.ADMIN) && repo.list().stream().filter(p -> p.holds(Role.ADMIN)).count() <= 1) {
            throw new IllegalStateException(name + " is the only admin; make someone else admin first");
        }
        TreeSet<Role> roles = new TreeSet<>(person.roles());
        roles.remove(role);
        return repo.update(person.withRoles(roles), event("role.revoked", admin, name, role));
    }

    /**
     * Sets {@code name}'s passphrase. A person changes their own by giving the current one (or none, when they
     * have none yet); an admin may reset anyone's without it.
     *
     * @throws WrongPassphraseException when the current passphrase given is wrong
     */
    public void setPassphrase(String actor, String name, char[] current, char[] replacement) {
        try {
            existing(name);
            if (!name.equals(actor)) {
                access.require(actor, Permission.MANAGE_PEOPLE, "for " + name);
            } else {
                Optional<String> stored = repo.passphraseHash(name);
                if (stored.isPresent() && !passphrases.matches(current, stored.get())) {
                    throw new WrongPassphraseException(name, Permission.SIGN);
                }
            }
            repo.setPassphraseHash(name, passphrases.hash(replacement), new NewEvent(null, clock.instant(),
                    "person.passphrase_set", actor, null, Map.of("person", name)));
        } finally {
            clear(current);
            clear(replacement);
        }
    }

    /**
     * The first start of a store: when nobody is known yet, {@code osUser} becomes admin and release owner (with no
     * passphrase until they set one), so the person who installed Rampart can manage it. Returns true when it did
     * so; a store that knows anyone is left alone.
     */
    public boolean firstStart(String osUser) {
        if (!repo.list().isEmpty()) {
            return false;
        }
        addUnchecked("rampart", Person.of(osUser, osUser, List.of(Role.ADMIN, Role.RELEASE_OWNER)), null);
        return true;
    }

    /**
     * The demo workspace's people, with their passphrases (cleared here): each one not yet known is added, so a
     * new user can try signing. Never called for a real team's store.
     */
    public void seedDemo(Map<Person, char[]> demoPeople) {
        try {
            demoPeople.forEach((person, passphrase) -> {
                if (repo.find(person.name()).isEmpty()) {
                    addUnchecked("rampart (demo workspace)", person, passphrase);
                }
            });
        } finally {
            demoPeople.values().forEach(People::clear);
        }
    }

    private Person addUnchecked(String by, Person person, char[] passphrase) {
        String hash = passphrase == null ? null : passphrases.hash(passphrase);
        return repo.add(person, hash, new NewEvent(null, clock.instant(), "person.added", by, null,
                Map.of("person", person.name(), "roles", person.rolesText())));
    }

    private Person existing(String name) {
        return repo.find(name).orElseThrow(() -> new IllegalArgumentException("Nobody called " + name
                + " is known to this store"));
    }

    private NewEvent event(String type, String admin, String name, Role role) {
        return new NewEvent(null, clock.instant(), type, admin, null, Map.of("person", name, "role", role.name()));
    }

    private static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
