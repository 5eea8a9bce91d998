package dev.rampart.engine.access;

import dev.rampart.domain.access.Ed25519;
import dev.rampart.domain.access.EnrolledKey;
import dev.rampart.domain.access.KeyLockedException;
import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.SignedContent;
import dev.rampart.domain.access.SigningKeys;
import dev.rampart.domain.access.TrustLedger;
import dev.rampart.domain.repo.PeopleRepository;
import dev.rampart.domain.repo.TrustLog;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The people of a store, their roles and their signing keys, as the chain makes them. Adding people and changing
 * roles is for admins; a key is enrolled only by its own person, from their own machine (the private half stays in
 * their data folder), and an admin may revoke a key but never make one. Every change is a chained event
 * ({@code person.added}, {@code role.granted}, {@code role.revoked}, {@code key.enrolled}, {@code key.revoked}).
 * Passphrases arrive as {@code char[]} and are cleared before these methods return.
 */
public final class People {
    private final PeopleRepository repo;
    private final TrustLog trust;
    private final Access access;
    private final SigningKeys keys;
    private final Clock clock;

    public People(PeopleRepository repo, TrustLog trust, Access access, SigningKeys keys, Clock clock) {
        this.repo = repo;
        this.trust = trust;
        this.access = access;
        this.keys = keys;
        this.clock = clock;
    }

    public List<Person> list() {
        return repo.list();
    }

    public Optional<Person> find(String name) {
        return repo.find(name);
    }

    /** True when the chain knows nobody yet: the next start is the store's first. */
    public boolean nobody() {
        return repo.ledger().nobody();
    }

    /** The person whose database login this is (a team store). */
    public Optional<Person> withLogin(String login) {
        return repo.ledger().personWithLogin(login);
    }

    /** True when the person has a signing key enrolled and so can sign (from their own machine). */
    public boolean canSign(String name) {
        return repo.ledger().keyInUse(name).isPresent();
    }

    /** The key {@code name} signs with now. */
    public Optional<EnrolledKey> key(String name) {
        return repo.ledger().keyInUse(name);
    }

    /** True when this machine holds {@code name}'s private key. */
    public boolean keyHere(String name) {
        return keys.publicKey(name).isPresent();
    }

    /**
     * Adds a person, who then enrols their own key. {@code login} is their database login on a team store (null:
     * the same as their name).
     *
     * @throws NotPermittedException unless {@code admin} holds admin
     * @throws IllegalArgumentException when the name is taken
     */
    public Person add(String admin, String name, String displayName, Collection<Role> roles, String login) {
        access.require(admin, Permission.MANAGE_PEOPLE, null);
        if (repo.find(name).isPresent()) {
            throw new IllegalArgumentException("There is already someone called " + name);
        }
        Person person = Person.of(name, displayName, roles);
        return repo.add(person, login == null ? name : login, added(admin, person, login));
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
     * The first start of a store: when the chain knows nobody, {@code me} (the authenticated person) becomes admin
     * and release owner and, in the same transaction, enrols their signing key: the one this machine holds for them
     * when {@code passphrase} unlocks it, else a new one made here under {@code passphrase}.
     * Race-free: of several first starts at once, exactly one wins; the others return false and change nothing.
     *
     * @param login {@code me}'s database login on a team store; null on a local one
     * @throws IllegalArgumentException when the passphrase is too short
     */
    public boolean found(String me, String login, char[] passphrase) {
        try {
            if (!repo.ledger().nobody()) {
                return false;
            }
            Person person = Person.of(me, me, List.of(Role.ADMIN, Role.RELEASE_OWNER));
            Optional<PublicKey> held = keys.publicKey(me);
            SigningKeys.NewKey made = null;
            PublicKey pub;
            String proof;
            if (held.isPresent()) {
                pub = held.get();
                try {
                    proof = keys.sign(me, passphrase, proof(me, Ed25519.keyId(pub)));
                } catch (KeyLockedException e) {
                    throw new WrongPassphraseException(me, Permission.SIGN);
                }
            } else {
                made = keys.create(me, passphrase);
                pub = made.publicKey();
                proof = made.sign(proof(me, Ed25519.keyId(pub)));
            }
            EnrolledKey enrolled = enrolled(me, pub, false);
            boolean won = repo.found(person, login == null ? me : login, List.of(added(me, person, login),
                    keyEvent(me, me, pub, proof, false)), enrolled);
            if (won && made != null) {
                made.keep();
            }
            return won;
        } finally {
            clear(passphrase);
        }
    }

    /**
     * A first start with no key yet (an unattended start, such as {@code --smoke}): {@code me} becomes admin and
     * release owner, race-free, and enrols a key at their next start. Returns true when it did so.
     */
    public boolean firstStart(String me) {
        return firstStart(me, null);
    }

    /** As {@link #firstStart(String)}, on a team store where {@code me} logs in as {@code login}. */
    public boolean firstStart(String me, String login) {
        if (!repo.ledger().nobody()) {
            return false;
        }
        Person person = Person.of(me, me, List.of(Role.ADMIN, Role.RELEASE_OWNER));
        return repo.found(person, login == null ? me : login, List.of(added(me, person, login)), null);
    }

    /**
     * {@code actor} enrols a signing key in this store: the key this machine holds for them when
     * {@code passphrase} unlocks it, else a new one made here under {@code passphrase}; {@code replace} always makes a
     * new one. The key they used before is retired by it. Only a person enrols their own key.
     *
     * @throws NotPermittedException   when {@code actor} is not known
     * @throws WrongPassphraseException when the passphrase does not unlock the key held here
     */
    public EnrolledKey enrol(String actor, char[] passphrase, boolean replace) {
        try {
            existingOrRefused(actor);
            Optional<PublicKey> held = replace ? Optional.empty() : keys.publicKey(actor);
            PublicKey pub;
            String proofSignature;
            SigningKeys.NewKey made = null;
            if (held.isPresent()) {
                pub = held.get();
                try {
                    proofSignature = keys.sign(actor, passphrase, proof(actor, Ed25519.keyId(pub)));
                } catch (KeyLockedException e) {
                    throw new WrongPassphraseException(actor, Permission.SIGN);
                }
            } else {
                made = keys.create(actor, passphrase);
                pub = made.publicKey();
                proofSignature = made.sign(proof(actor, Ed25519.keyId(pub)));
            }
            if (repo.ledger().keyInUse(actor).map(k -> k.keyId().equals(Ed25519.keyId(pub))).orElse(false)) {
                return repo.ledger().keyInUse(actor).get();
            }
            EnrolledKey key = enrolled(actor, pub, false);
            repo.enrol(key, keyEvent(actor, actor, pub, proofSignature, false));
            if (made != null) {
                made.keep();
            }
            return repo.ledger().keyInUse(actor).orElse(key);
        } finally {
            clear(passphrase);
        }
    }

    /**
     * Revokes {@code name}'s key: they may, and so may an admin (who thereby makes nothing: {@code name} enrols a
     * new key themselves).
     */
    public void revokeKey(String actor, String name, String reason) {
        if (!actor.equals(name)) {
            access.require(actor, Permission.MANAGE_PEOPLE, "for " + name);
        } else {
            existingOrRefused(actor);
        }
        EnrolledKey key = repo.ledger().keyInUse(name).orElseThrow(() ->
                new IllegalArgumentException(name + " has no signing key in use"));
        repo.revoke(key.keyId(), new NewEvent(null, clock.instant(), TrustLedger.KEY_REVOKED, actor, null,
                Map.of("person", name, "key_id", key.keyId(), "reason", reason == null ? "" : reason.strip())));
    }

    /** Changes the passphrase of {@code actor}'s key on this machine; nothing in the store changes. */
    public void changePassphrase(String actor, char[] current, char[] replacement) {
        try {
            keys.changePassphrase(actor, current, replacement);
        } catch (KeyLockedException e) {
            throw new WrongPassphraseException(actor, Permission.SIGN);
        } finally {
            clear(current);
            clear(replacement);
        }
    }

    /**
     * What happened to {@code name} after event {@code afterSeq}: their keys enrolled, replaced or revoked and their
     * roles changed, for the notice at their next start.
     */
    public List<AuditEvent> news(String name, long afterSeq) {
        List<AuditEvent> news = new ArrayList<>();
        for (AuditEvent e : trust.events(TrustLedger.TYPES)) {
            if (e.seq() > afterSeq && name.equals(e.data().get("person"))) {
                news.add(e);
            }
        }
        return news;
    }

    /**
     * Makes a local store the demo workspace and adds its people, each with a demo key made in {@code demoKeys} under
     * {@code passphrase} and enrolled by {@code admin} (demo keys count only in a local demo workspace). People
     * already known are left alone. Never for a team's store.
     */
    public void seedDemo(String admin, List<Person> demoPeople, SigningKeys demoKeys, char[] passphrase) {
        try {
            access.require(admin, Permission.MANAGE_PEOPLE, "the demo workspace");
            if (trust.teamStore()) {
                throw new IllegalStateException("A team store is never a demo workspace");
            }
            if (!repo.ledger().demoWorkspace()) {
                repo.record(new NewEvent(null, clock.instant(), TrustLedger.WORKSPACE_DEMO, admin, null,
                        Map.of("note", "demo people and demo keys, for trying Rampart on this machine only")));
            }
            for (Person p : demoPeople) {
                if (repo.find(p.name()).isPresent()) {
                    continue;
                }
                repo.add(p, p.name(), added(admin, p, null));
                SigningKeys.NewKey key = demoKeys.create(p.name(), passphrase);
                EnrolledKey enrolled = enrolled(p.name(), key.publicKey(), true);
                repo.enrol(enrolled, keyEvent(admin, p.name(), key.publicKey(), key.sign(proof(p.name(),
                        enrolled.keyId())), true));
                key.keep();
            }
        } finally {
            clear(passphrase);
        }
    }

    private String proof(String person, String keyId) {
        return SignedContent.enrolment(trust.storeId(), person, keyId);
    }

    private static EnrolledKey enrolled(String person, PublicKey pub, boolean demo) {
        return new EnrolledKey(Ed25519.keyId(pub), person, Ed25519.encode(pub), demo, 0, null, null);
    }

    private NewEvent keyEvent(String actor, String person, PublicKey pub, String proof, boolean demo) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("person", person);
        data.put("key_id", Ed25519.keyId(pub));
        data.put("public_key", Ed25519.encode(pub));
        data.put("proof", proof);
        if (demo) {
            data.put("demo", "true");
        }
        return new NewEvent(null, clock.instant(), TrustLedger.KEY_ENROLLED, actor, null, data);
    }

    private NewEvent added(String by, Person person, String login) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("person", person.name());
        data.put("roles", person.rolesText());
        if (!person.displayName().equals(person.name())) {
            data.put("display_name", person.displayName());
        }
        if (login != null && !login.equals(person.name())) {
            data.put("login", login);
        }
        return new NewEvent(null, clock.instant(), TrustLedger.PERSON_ADDED, by, null, data);
    }

    private Person existing(String name) {
        return repo.find(name).orElseThrow(() -> new IllegalArgumentException("Nobody called " + name
                + " is known to this store"));
    }

    private void existingOrRefused(String name) {
        if (repo.find(name).isEmpty()) {
            throw new NotPermittedException(name, Permission.SIGN, "Nobody called " + name
                    + " is known to this store; an admin adds people with 'rampart people add'");
        }
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
