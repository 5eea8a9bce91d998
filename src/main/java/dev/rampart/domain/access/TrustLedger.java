package dev.rampart.domain.access;

import dev.rampart.domain.rollout.AuditEvent;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who is who, replayed from the hash chain alone: people, their roles, their logins and their signing keys, as the
 * chained events made them, event by event in sequence order. Nothing here reads a table that the chain does not
 * cover, so a row written into {@code people}, {@code person_roles} or {@code person_keys} behind Rampart's back
 * changes nothing; an event that breaks the rules below changes nothing either, and is listed in
 * {@link #rejected()} for {@code audit verify}.
 * <ul>
 * <li>The first person is added by themselves (the store's first start), or, on trails older than authenticated
 *     identities, by "rampart".</li>
 * <li>Later people and every role change are made by someone who is admin at that point of the chain.</li>
 * <li>A key is enrolled only by its own person, with a proof that they hold its private half; an admin may revoke a
 *     key, never enrol one. Demo keys are the exception: the admin of a local demo workspace enrols them.</li>
 * <li>On a team store every event records the database login that appended it; an event made in a person's name
 *     must come from that person's login, and once logins are recorded an event without one is refused.</li>
 * </ul>
 * Feed events in sequence order with {@link #apply}; {@link #checkSignOff} judges a sign-off at its place in that
 * order (the roles and keys valid when it was chained).
 */
public final class TrustLedger {
    public static final String PERSON_ADDED = "person.added";
    public static final String ROLE_GRANTED = "role.granted";
    public static final String ROLE_REVOKED = "role.revoked";
    public static final String KEY_ENROLLED = "key.enrolled";
    public static final String KEY_REVOKED = "key.revoked";
    public static final String WORKSPACE_DEMO = "workspace.demo";
    public static final String SIGNOFF_SIGNED = "signoff.signed";
    public static final String PLAN_IMPORTED = "plan.imported";
    /** The event types that change who is who. */
    public static final Set<String> TYPES = Set.of(PERSON_ADDED, ROLE_GRANTED, ROLE_REVOKED, KEY_ENROLLED,
            KEY_REVOKED, WORKSPACE_DEMO);

    /** Who added the first person and the demo people before identities were authenticated. */
    public static final String LEGACY_FIRST_START = "rampart";
    public static final String LEGACY_DEMO = "rampart (demo workspace)";

    /** An event that broke a rule of the chain and so changed nothing. */
    public record Rejected(long seq, String type, String reason) {
        @Override
        public String toString() {
            return "event " + seq + " (" + type + ") " + reason;
        }
    }

    /** A sign-off judged at its place in the chain: {@code signature} when it verifies, else {@code reason}. */
    public record SignOffVerdict(AuditEvent event, Signature signature, String reason) {
        public boolean valid() {
            return signature != null;
        }
    }

    private record Entry(Person person, String login) {
    }

    private final String storeId;
    private final boolean teamStore;
    private final Map<String, Entry> people = new TreeMap<>();
    private final Map<String, EnrolledKey> keys = new TreeMap<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private boolean demo;
    private boolean sawLogin;
    private long lastSeq;

    /**
     * @param storeId   the store's identity, part of what keys and sign-offs sign (so nothing signed for one store
     *                  counts in another)
     * @param teamStore true for a shared (PostgreSQL) store, where demo workspaces and demo keys never count
     */
    public TrustLedger(String storeId, boolean teamStore) {
        this.storeId = storeId;
        this.teamStore = teamStore;
    }

    /** Replays {@code events} (any types, sequence order) into a new ledger. */
    public static TrustLedger of(String storeId, boolean teamStore, List<AuditEvent> events) {
        TrustLedger ledger = new TrustLedger(storeId, teamStore);
        events.forEach(ledger::apply);
        return ledger;
    }

    public String storeId() {
        return storeId;
    }

    public boolean teamStore() {
        return teamStore;
    }

    /** Applies one event; events that do not change who is who are passed over. */
    public void apply(AuditEvent e) {
        if (e.seq() <= lastSeq) {
            reject(e, "comes out of order (after event " + lastSeq + ")");
            return;
        }
        lastSeq = e.seq();
        String refused = switch (e.type()) {
            case PERSON_ADDED -> personAdded(e);
            case ROLE_GRANTED, ROLE_REVOKED -> roleChanged(e);
            case KEY_ENROLLED -> keyEnrolled(e);
            case KEY_REVOKED -> keyRevoked(e);
            case WORKSPACE_DEMO -> demoWorkspace(e);
            default -> null;
        };
        if (refused != null) {
            reject(e, refused);
        }
        if (e.login() != null) {
            sawLogin = true;
        }
    }

    /** Judges a {@code signoff.signed} event against the people and keys of the chain before it. */
    public SignOffVerdict checkSignOff(AuditEvent e) {
        Map<String, String> d = e.data();
        String signer = e.actor();
        Entry who = signer == null ? null : people.get(signer);
        if (who == null) {
            return invalid(e, "is signed by " + signer + ", whom the chain does not know at that point");
        }
        Role role;
        try {
            role = new Role(d.getOrDefault("role", ""));
        } catch (IllegalArgumentException ex) {
            return invalid(e, "names no valid role");
        }
        if (!who.person().holds(role) || !role.isApprover() && !role.equals(Role.RELEASE_OWNER)) {
            return invalid(e, "is signed as " + role + ", which " + signer + " did not hold then");
        }
        String keyId = d.get("key_id");
        if (keyId == null) {
            return invalid(e, "carries no key signature (it was made before signing keys)");
        }
        EnrolledKey key = keys.get(keyId);
        if (key == null || !key.person().equals(signer) || !key.validAt(e.seq())) {
            return invalid(e, "is signed with key " + keyId + ", which was not " + signer + "'s key in use then");
        }
        if (key.demo() && (teamStore || !demo)) {
            return invalid(e, "is signed with a demo key outside the demo workspace");
        }
        String planSha = d.get("plan_sha256");
        String item = d.get("item");
        if (planSha == null || item == null || e.rolloutId() == null) {
            return invalid(e, "lacks its plan, item or rollout");
        }
        String comment = d.getOrDefault("comment", "");
        String text = SignedContent.text(storeId, e.rolloutId(), planSha, e.stage(), role, item, comment, signer, keyId,
                e.at());
        PublicKey publicKey;
        try {
            publicKey = Ed25519.decode(key.publicKey());
        } catch (IllegalArgumentException ex) {
            return invalid(e, "is signed with a damaged key");
        }
        if (!Ed25519.verifies(publicKey, text, d.get("signature"))) {
            return invalid(e, "does not verify against " + signer + "'s key " + keyId);
        }
        return new SignOffVerdict(e, new Signature(e.seq(), e.rolloutId(), e.stage(), item, role, signer, e.at(),
                comment, planSha, SignedContent.sha256(text), e.seq(), keyId, d.get("signature")), null);
    }

    public Optional<Person> person(String name) {
        return Optional.ofNullable(people.get(name)).map(Entry::person);
    }

    /** Everyone, by name. */
    public List<Person> people() {
        return people.values().stream().map(Entry::person).toList();
    }

    public boolean nobody() {
        return people.isEmpty();
    }

    /** The database login of a person (their name unless the admin who added them said otherwise). */
    public Optional<String> loginOf(String name) {
        return Optional.ofNullable(people.get(name)).map(Entry::login);
    }

    /** The person whose login this is. */
    public Optional<Person> personWithLogin(String login) {
        return people.values().stream().filter(p -> p.login().equals(login)).map(Entry::person).findFirst();
    }

    /** The key {@code name} signs with now. */
    public Optional<EnrolledKey> keyInUse(String name) {
        return keys.values().stream().filter(k -> k.person().equals(name) && k.inUse()).findFirst();
    }

    /** Every key ever enrolled, in use or retired. */
    public List<EnrolledKey> keys() {
        return List.copyOf(keys.values());
    }

    /** True once the admin of a local store made it a demo workspace. */
    public boolean demoWorkspace() {
        return demo && !teamStore;
    }

    public List<Rejected> rejected() {
        return Collections.unmodifiableList(rejected);
    }

    private String personAdded(AuditEvent e) {
        Map<String, String> d = e.data();
        String name = d.get("person");
        if (name == null || name.isBlank()) {
            return "names nobody";
        }
        if (people.containsKey(name)) {
            return "adds " + name + ", who is already known";
        }
        String login = d.getOrDefault("login", name);
        Person person;
        try {
            person = Person.of(name, d.get("display_name"), roles(d.get("roles")));
        } catch (IllegalArgumentException ex) {
            return "adds a person the store cannot hold: " + ex.getMessage();
        }
        if (people.isEmpty()) {
            boolean self = name.equals(e.actor()) && (e.login() == null ? !sawLogin : e.login().equals(login));
            boolean legacy = LEGACY_FIRST_START.equals(e.actor()) && e.login() == null && !sawLogin;
            if (!self && !legacy) {
                return "makes " + name + " the first person, but was appended by " + by(e) + ", not by " + name;
            }
        } else {
            String notAdmin = notAdminActing(e);
            boolean legacyDemo = LEGACY_DEMO.equals(e.actor()) && e.login() == null && !sawLogin && !teamStore;
            if (notAdmin != null && !legacyDemo) {
                return "adds " + name + ", but " + notAdmin;
            }
        }
        people.put(name, new Entry(person, login));
        return null;
    }

    private String roleChanged(AuditEvent e) {
        String name = e.data().get("person");
        Entry entry = name == null ? null : people.get(name);
        if (entry == null) {
            return "changes the roles of " + name + ", whom the chain does not know";
        }
        String notAdmin = notAdminActing(e);
        if (notAdmin != null) {
            return "changes the roles of " + name + ", but " + notAdmin;
        }
        Role role;
        try {
            role = new Role(e.data().getOrDefault("role", ""));
        } catch (IllegalArgumentException ex) {
            return "names no valid role";
        }
        TreeSet<Role> roles = new TreeSet<>(entry.person().roles());
        if (e.type().equals(ROLE_GRANTED)) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
        people.put(name, new Entry(entry.person().withRoles(roles), entry.login()));
        return null;
    }

    private String keyEnrolled(AuditEvent e) {
        Map<String, String> d = e.data();
        String name = d.get("person");
        if (name == null || !people.containsKey(name)) {
            return "enrols a key for " + name + ", whom the chain does not know";
        }
        String keyId = d.get("key_id");
        PublicKey key;
        try {
            key = Ed25519.decode(d.getOrDefault("public_key", ""));
        } catch (IllegalArgumentException ex) {
            return "enrols something that is not an Ed25519 public key";
        }
        if (!Ed25519.keyId(key).equals(keyId)) {
            return "names key " + keyId + " but carries another";
        }
        if (keys.containsKey(keyId)) {
            return "enrols key " + keyId + " a second time";
        }
        boolean demoKey = "true".equals(d.get("demo"));
        if (demoKey) {
            if (teamStore || !demo || notAdminActing(e) != null) {
                return "enrols a demo key outside a local demo workspace or not by its admin";
            }
        } else {
            if (!name.equals(e.actor()) || !loginIsActors(e)) {
                return "enrols a key for " + name + ", but was appended by " + by(e)
                        + "; only a person enrols their own key";
            }
            if (!Ed25519.verifies(key, SignedContent.enrolment(storeId, name, keyId), d.get("proof"))) {
                return "enrols key " + keyId + " without proof that " + name + " holds its private half";
            }
        }
        keyInUse(name).ifPresent(old -> keys.put(old.keyId(), old.retired(e.seq(), "replaced by " + keyId)));
        keys.put(keyId, new EnrolledKey(keyId, name, d.get("public_key"), demoKey, e.seq(), null, null));
        return null;
    }

    private String keyRevoked(AuditEvent e) {
        String name = e.data().get("person");
        EnrolledKey key = keys.get(e.data().getOrDefault("key_id", ""));
        if (key == null || !key.person().equals(name) || !key.inUse()) {
            return "revokes a key that is not " + name + "'s key in use";
        }
        boolean self = name.equals(e.actor()) && loginIsActors(e);
        String notAdmin = notAdminActing(e);
        if (!self && notAdmin != null) {
            return "revokes " + name + "'s key, but " + notAdmin;
        }
        String reason = e.data().getOrDefault("reason", "");
        keys.put(key.keyId(), key.retired(e.seq(), "revoked by " + e.actor() + (reason.isBlank() ? "" : ": " + reason)));
        return null;
    }

    private String demoWorkspace(AuditEvent e) {
        if (teamStore) {
            return "makes a team store a demo workspace";
        }
        String notAdmin = notAdminActing(e);
        if (notAdmin != null) {
            return "makes the store a demo workspace, but " + notAdmin;
        }
        demo = true;
        return null;
    }

    /**
     * Null when the actor is an admin at this point and (on a team store) the event came from their login; else why
     * not, for the reason of a rejection.
     */
    private String notAdminActing(AuditEvent e) {
        Entry actor = e.actor() == null ? null : people.get(e.actor());
        if (actor == null || !actor.person().holds(Role.ADMIN)) {
            return e.actor() + " is not an admin";
        }
        if (!loginIsActors(e)) {
            return e.login() == null ? "it records no login" : "it was appended by login " + e.login() + ", not "
                    + e.actor() + "'s";
        }
        return null;
    }

    private boolean loginIsActors(AuditEvent e) {
        if (e.login() == null) {
            return !sawLogin;
        }
        Entry actor = e.actor() == null ? null : people.get(e.actor());
        return actor != null && actor.login().equals(e.login());
    }

    private static String by(AuditEvent e) {
        return e.actor() + (e.login() == null ? "" : " (login " + e.login() + ")");
    }

    private void reject(AuditEvent e, String reason) {
        rejected.add(new Rejected(e.seq(), e.type(), reason));
    }

    private static SignOffVerdict invalid(AuditEvent e, String reason) {
        return new SignOffVerdict(e, null, reason);
    }

    /** Roles as person.added writes them: "admin, release_owner", or "no role". */
    static List<Role> roles(String text) {
        if (text == null || text.isBlank() || text.equals("no role")) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Role::new).toList();
    }
}
