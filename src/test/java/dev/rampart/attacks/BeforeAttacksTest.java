package dev.rampart.attacks;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.engine.access.Passphrases;
import dev.rampart.engine.access.Permission;
import dev.rampart.engine.access.SignRequest;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Today's code, attacked: each test asserts the attack is caught, and fails while it is not. */
class BeforeAttacksTest {
    static final String PLAN = """
            {"schema": "rampart/plan/v1", "change_id": "REL-7", "service": "checkout", "version": "2.1.0",
             "stages": [{"name": "canary", "traffic_percent": 10, "decision": {"roles": ["sre"]}},
                        {"name": "ga", "traffic_percent": 100}],
             "halt_rules": ["error_rate > 1% for 5m"]}
            """;
    @TempDir
    Path dir;

    Store open() {
        return Store.open(DataFolder.jdbcUrl(dir));
    }

    AccessServices access(Store s) {
        return AccessServices.on(s.people(), s.signatures(), s.rollouts(), s.plans(), s.audit(), Clock.systemUTC(),
                new Passphrases(1000));
    }

    long rollout(Store s) {
        PlanFormat f = new PlanFormat();
        var p = f.read(PLAN, Format.JSON);
        long plan = s.plans().add(p.changeId(), p.service(), p.version(), p.owner(), f.write(p, Format.JSON), "t").id();
        return s.rollouts().create(plan, RolloutState.RUNNING, "ana",
                new NewEvent(null, java.time.Instant.now(), "rollout.started", "ana", null, Map.of())).id();
    }

    void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(DataFolder.jdbcUrl(dir)); Statement s = c.createStatement()) {
            for (String each : statements) {
                s.execute(each);
            }
        }
    }

    @Test
    void insertIntoSignaturesOpensNoGate() throws Exception {
        long id;
        try (Store s = open()) {
            access(s).people().firstStart("root");
            id = rollout(s);
        }
        String sha;
        try (Store s = open()) {
            sha = access(s).signatures().currentPlanSha(id);
        }
        sql("INSERT INTO signatures (rollout_id, stage, item, role, signer, signed_at, comment, plan_sha256,"
                + " signed_sha256, audit_seq) VALUES (" + id + ", 'canary', 'go/no-go', 'sre', 'sam', CURRENT_TIMESTAMP,"
                + " 'go', '" + sha + "', '" + "ab".repeat(32) + "', 1)");
        try (Store s = open()) {
            assertThat(access(s).approvals().find(id, "canary", "sre", java.time.Instant.now())).isEmpty();
        }
    }

    @Test
    void insertIntoPersonRolesMakesNobodyAdmin() throws Exception {
        try (Store s = open()) {
            access(s).people().firstStart("root");
            access(s).people().add("root", "olga", "Olga", List.of(Role.OBSERVER), null);
        }
        sql("INSERT INTO person_roles (person, role) VALUES ('olga', 'admin')");
        try (Store s = open()) {
            assertThat(access(s).access().allows("olga", Permission.MANAGE_PEOPLE)).isFalse();
        }
    }

    @Test
    void updatePlansIsRefusedOrCaught() throws Exception {
        long id;
        try (Store s = open()) {
            id = rollout(s);
        }
        sql("UPDATE plans SET json = REPLACE(json, 'error_rate > 1% for 5m', 'error_rate > 99% for 5m')");
        try (Store s = open()) {
            boolean refused;
            try {
                refused = !s.plans().find(1).orElseThrow().json().contains("99%");
            } catch (RuntimeException e) {
                refused = true;
            }
            assertThat(refused || !s.audit().verify().isIntact()).as("UPDATE plans caught").isTrue();
        }
    }

    @Test
    void tailDeletionWithHeadRewindIsCaught() throws Exception {
        String hash4;
        try (Store s = open()) {
            for (int i = 0; i < 6; i++) {
                s.audit().append(new NewEvent(null, java.time.Instant.now(), "x", "ana", null, Map.of()));
            }
            hash4 = s.audit().read(3, 1).get(0).hash();
        }
        sql("DROP TRIGGER audit_events_append_only", "DELETE FROM audit_events WHERE seq > 4",
                "UPDATE audit_chain_head SET last_seq = 4, last_hash = '" + hash4 + "'");
        try (Store s = open()) {
            assertThat(s.audit().verify().isIntact()).isFalse();
        }
    }

    @Test
    void aWipedLogWithAResetHeadIsCaught() throws Exception {
        try (Store s = open()) {
            for (int i = 0; i < 6; i++) {
                s.audit().append(new NewEvent(null, java.time.Instant.now(), "x", "ana", null, Map.of()));
            }
        }
        sql("DROP TRIGGER audit_events_append_only", "DELETE FROM audit_events",
                "UPDATE audit_chain_head SET last_seq = 0, last_hash = '" + "0".repeat(64) + "'");
        try (Store s = open()) {
            assertThat(s.audit().verify().isIntact()).isFalse();
        }
    }

    @Test
    void aRowWithSeqZeroIsCaughtAndNeverShown() throws Exception {
        long id;
        try (Store s = open()) {
            id = rollout(s);
        }
        sql("INSERT INTO audit_events (seq, rollout_id, at, type, actor, stage, data, previous_hash, hash) VALUES"
                + " (0, " + id + ", CURRENT_TIMESTAMP, 'rollout.promoted', 'mallory', NULL, '{}', '" + "0".repeat(64)
                + "', '" + "1".repeat(64) + "')");
        try (Store s = open()) {
            List<AuditEvent> events = s.rollouts().events(id);
            assertThat(events).extracting(AuditEvent::type).doesNotContain("rollout.promoted");
            assertThat(s.audit().verify().isIntact()).isFalse();
        }
    }

    @Test
    void theStoreFileAndFolderAreForTheirOwnerOnly() throws Exception {
        Path folder = dir.resolve("data");
        try (Store s = Store.open(DataFolder.jdbcUrl(folder))) {
            s.people().list();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("rampart.mv.db"))))
                .isEqualTo("rw-------");
    }

    @Test
    void everyAutoServerSpellingIsRefused() {
        for (String spelling : List.of(";AUTO_SERVER=1", ";auto_server=yes", ";Auto_Server=on", ";AUTO_SERVER=t")) {
            boolean refused;
            try (Store s = Store.open(DataFolder.jdbcUrl(dir.resolve("a" + spelling.length()).resolve("x")) + spelling)) {
                refused = false;
            } catch (RuntimeException e) {
                refused = true;
            }
            assertThat(refused).as(spelling).isTrue();
        }
    }

    @Test
    void aPassphraseOfElevenCharactersIsRefused() {
        boolean refused;
        try {
            new Passphrases(1000).hash("elevenchars".toCharArray());
            refused = false;
        } catch (IllegalArgumentException e) {
            refused = true;
        }
        assertThat(refused).isTrue();
    }

    @Test
    void anAdminCannotSetSomeoneElsesSigningSecret() {
        try (Store s = open()) {
            AccessServices a = access(s);
            a.people().firstStart("root");
            long id = rollout(s);
            a.people().add("root", "ana", "Ana", List.of(Role.RELEASE_OWNER), "ana-own-passphrase".toCharArray());
            boolean refused;
            try {
                a.people().setPassphrase("root", "ana", null, "root-knows-it-now".toCharArray());
                a.signatures().sign(new SignRequest(id, null, "emergency promote", Role.RELEASE_OWNER, "forged"),
                        "ana", "root-knows-it-now".toCharArray());
                refused = false;
            } catch (RuntimeException e) {
                refused = true;
            }
            assertThat(refused).as("root signed as ana, and audit verify says " + s.audit().verify()).isTrue();
        }
    }

    @Test
    void racingFirstStartsMakeOneAdmin() throws Exception {
        int admins = 0;
        for (int round = 0; round < 8; round++) {
            try (Store s = Store.open(DataFolder.jdbcUrl(dir.resolve("race" + round)))) {
                AccessServices a = access(s);
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    String name = "user" + t;
                    threads.add(new Thread(() -> {
                        try {
                            go.await();
                            a.people().firstStart(name);
                        } catch (Exception ignored) {
                        }
                    }));
                }
                threads.forEach(Thread::start);
                go.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                long n = a.people().list().stream().filter(p -> p.holds(Role.ADMIN)).count();
                admins = Math.max(admins, (int) n);
            }
        }
        assertThat(admins).isEqualTo(1);
    }
}
