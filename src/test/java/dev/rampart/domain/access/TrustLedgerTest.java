package dev.rampart.domain.access;

import dev.rampart.domain.rollout.AuditEvent;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of who is who, on events made by hand: what counts, and what is rejected with its reason. */
class TrustLedgerTest {
    static final String STORE = "store-1";
    final List<AuditEvent> events = new ArrayList<>();
    final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");

    AuditEvent event(String type, String actor, String login, Map<String, String> data) {
        AuditEvent e = new AuditEvent(events.size() + 1, null, t0.plusSeconds(events.size()), type, actor, null, data,
                "p", "h", login);
        events.add(e);
        return e;
    }

    static KeyPair pair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    Map<String, String> enrolment(String person, KeyPair key, boolean withProof) {
        String id = Ed25519.keyId(key.getPublic());
        Map<String, String> d = new LinkedHashMap<>();
        d.put("person", person);
        d.put("key_id", id);
        d.put("public_key", Ed25519.encode(key.getPublic()));
        d.put("proof", withProof ? Ed25519.sign(key.getPrivate(), SignedContent.enrolment(STORE, person, id)) : "x");
        return d;
    }

    TrustLedger replay(boolean team) {
        return TrustLedger.of(STORE, team, events);
    }

    @Test
    void theFirstPersonAddsThemselvesAndLaterOnlyAdminsChangeWhoIsWho() throws Exception {
        event("person.added", "mallory", null, Map.of("person", "root", "roles", "admin, release_owner"));
        event("person.added", "root", null, Map.of("person", "root", "roles", "admin, release_owner"));
        event("person.added", "root", null, Map.of("person", "olga", "roles", "observer"));
        event("role.granted", "olga", null, Map.of("person", "olga", "role", "admin"));
        event("person.added", "olga", null, Map.of("person", "eve", "roles", "admin"));
        event("role.granted", "root", null, Map.of("person", "olga", "role", "sre"));
        TrustLedger ledger = replay(false);
        assertThat(ledger.people()).extracting(Person::name).containsExactly("olga", "root");
        assertThat(ledger.person("olga").orElseThrow().roles()).containsExactly(Role.OBSERVER, Role.SRE);
        assertThat(ledger.rejected()).extracting(TrustLedger.Rejected::seq).containsExactly(1L, 4L, 5L);
        assertThat(ledger.rejected().get(1).reason()).contains("olga is not an admin");
    }

    @Test
    void aKeyIsEnrolledByItsOwnPersonWithProofAndRevokedByThemOrAnAdmin() throws Exception {
        event("person.added", "root", null, Map.of("person", "root", "roles", "admin"));
        event("person.added", "root", null, Map.of("person", "sam", "roles", "sre"));
        KeyPair sams = pair();
        KeyPair roots = pair();
        event("key.enrolled", "root", null, enrolment("sam", roots, true));
        event("key.enrolled", "sam", null, enrolment("sam", sams, false));
        event("key.enrolled", "sam", null, enrolment("sam", sams, true));
        TrustLedger ledger = replay(false);
        assertThat(ledger.keyInUse("sam").map(EnrolledKey::keyId)).contains(Ed25519.keyId(sams.getPublic()));
        assertThat(ledger.rejected()).extracting(TrustLedger.Rejected::seq).containsExactly(3L, 4L);
        assertThat(ledger.rejected().get(0).reason()).contains("only a person enrols their own key");
        assertThat(ledger.rejected().get(1).reason()).contains("without proof");

        event("key.revoked", "root", null, Map.of("person", "sam", "key_id", Ed25519.keyId(sams.getPublic()),
                "reason", "lost"));
        assertThat(replay(false).keyInUse("sam")).isEmpty();
    }

    @Test
    void onATeamStoreAnEventInSomeonesNameMustComeFromTheirLogin() throws Exception {
        event("person.added", "root", "root", Map.of("person", "root", "roles", "admin"));
        event("person.added", "root", "root", Map.of("person", "bob", "roles", "release_owner", "login", "bob_db"));
        event("role.granted", "root", "bob_db", Map.of("person", "bob", "role", "admin"));
        event("role.granted", "root", null, Map.of("person", "bob", "role", "admin"));
        event("workspace.demo", "root", "root", Map.of());
        TrustLedger ledger = replay(true);
        assertThat(ledger.person("bob").orElseThrow().roles()).containsExactly(Role.RELEASE_OWNER);
        assertThat(ledger.personWithLogin("bob_db").map(Person::name)).contains("bob");
        assertThat(ledger.rejected()).extracting(TrustLedger.Rejected::reason).containsExactly(
                "changes the roles of bob, but it was appended by login bob_db, not root's",
                "changes the roles of bob, but it records no login",
                "makes a team store a demo workspace");
    }

    @Test
    void aSignOffCountsOnlyWithTheKeyItsSignerHadThenInARoleTheyHeld() throws Exception {
        event("person.added", "root", null, Map.of("person", "root", "roles", "admin"));
        event("person.added", "root", null, Map.of("person", "sam", "roles", "sre"));
        KeyPair sams = pair();
        event("key.enrolled", "sam", null, enrolment("sam", sams, true));
        String keyId = Ed25519.keyId(sams.getPublic());
        Instant at = t0.plusSeconds(99);
        String text = SignedContent.text(STORE, 7, "plan-sha", "canary", Role.SRE, "go/no-go", "fine", "sam", keyId, at);
        Map<String, String> data = new LinkedHashMap<>(Map.of("role", "sre", "item", "go/no-go", "comment", "fine",
                "plan_sha256", "plan-sha", "key_id", keyId, "signature", Ed25519.sign(sams.getPrivate(), text)));
        TrustLedger ledger = replay(false);
        AuditEvent good = new AuditEvent(10, 7L, at, "signoff.signed", "sam", "canary", data, "p", "h");
        assertThat(ledger.checkSignOff(good).valid()).isTrue();
        AuditEvent otherRollout = new AuditEvent(10, 8L, at, "signoff.signed", "sam", "canary", data, "p", "h");
        assertThat(ledger.checkSignOff(otherRollout).reason()).contains("does not verify");
        AuditEvent asRoot = new AuditEvent(10, 7L, at, "signoff.signed", "root", "canary", data, "p", "h");
        assertThat(ledger.checkSignOff(asRoot).valid()).isFalse();
        Map<String, String> product = new LinkedHashMap<>(data);
        product.put("role", "product");
        assertThat(ledger.checkSignOff(new AuditEvent(10, 7L, at, "signoff.signed", "sam", "canary", product, "p",
                "h")).reason()).contains("which sam did not hold then");
        AuditEvent beforeTheKey = new AuditEvent(2, 7L, at, "signoff.signed", "sam", "canary", data, "p", "h");
        assertThat(TrustLedger.of(STORE, false, events.subList(0, 2)).checkSignOff(beforeTheKey).valid()).isFalse();
    }
}
