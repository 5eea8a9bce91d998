package dev.rampart.attacks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import dev.rampart.cli.ExitCode;
import dev.rampart.cli.Globals;
import dev.rampart.domain.access.Role;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.engine.access.Permission;
import dev.rampart.keys.KeyFolder;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 11 on a local H2 store: the person is the operating-system user running Rampart (here
 * injected by constructor, as the test's stand-in for the operating system), and the attacker writes the file with
 * plain JDBC, dropping triggers as the file's owner can. Each attack worked before and is now refused or named.
 */
class LocalAttacksTest {
    @TempDir
    Path dir;
    String db;
    final String me = Globals.osUser();

    @BeforeEach
    void founded() {
        db = DataFolder.jdbcUrl(dir.resolve("store"));
        CliRun founded = rampart(me, "plan", "import", TeamPlans.write(dir, TeamPlans.GATED).toString());
        assertThat(founded.exitCode()).as(founded.err()).isZero();
        assertThat(rampart(me, "people", "add", "bob", "--role", "release_owner,product").exitCode()).isZero();
        assertThat(rampart(me, "people", "add", "carol", "--role", "product").exitCode()).isZero();
        assertThat(rampart("bob", "people", "enrol").exitCode()).isZero();
        assertThat(rampart("carol", "people", "enrol").exitCode()).isZero();
    }

    CliRun rampart(String person, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.as(person).in(dir.resolve("home-" + person)).passphrase(person + "-passphrase").run(all);
    }

    long start(String person) throws Exception {
        CliRun started = rampart(person, "rollout", "start", "REL-ATTACK-1", "--json");
        assertThat(started.exitCode()).as(started.err()).isZero();
        return new ObjectMapper().readTree(started.out()).get("id").asLong();
    }

    void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            for (String each : statements) {
                s.execute(each);
            }
        }
    }

    @Test
    void aClaimedUserIsRefusedAndNothingIsDoneForThem() throws Exception {
        long id = start(me);
        CliRun forged = rampart(me, "--user", "bob", "rollout", "pause", Long.toString(id), "--reason", "bob did it");
        assertThat(forged.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(forged.err()).contains("--user bob is not who you are").contains("the operating-system user");
        assertThat(rampart(me, "rollout", "status", Long.toString(id)).out()).contains("running")
                .doesNotContain("rollout.paused");
        assertThat(rampart(me, "--user", me, "rollout", "pause", Long.toString(id)).exitCode()).isZero();
    }

    @Test
    void fourEyesCannotBeBypassedByStartingAsSomeoneElse() throws Exception {
        CliRun claimed = rampart("bob", "--user", "carol", "rollout", "start", "REL-ATTACK-1");
        assertThat(claimed.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        long id = start("bob");
        CliRun selfSigned = rampart("bob", "sign", Long.toString(id), "--role", "product");
        assertThat(selfSigned.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(selfSigned.err()).contains("bob started rollout " + id).contains("four-eyes");
        sql("UPDATE rollouts SET started_by = 'carol' WHERE id = " + id);
        assertThat(rampart("bob", "sign", Long.toString(id), "--role", "product").err()).contains("four-eyes");
        assertThat(rampart("carol", "sign", Long.toString(id), "--role", "product").exitCode()).isZero();
    }

    @Test
    void theFirstStartCannotBeTakenOverAndAnAdminCannotSignForAnyone() throws Exception {
        long id = start("bob");
        // the admin can neither set nor enrol anyone else's key, nor sign with one
        CliRun enrolForCarol = rampart(me, "--user", "carol", "people", "enrol");
        assertThat(enrolForCarol.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        CliRun asCarol = rampart(me, "sign", Long.toString(id), "--role", "product");
        assertThat(asCarol.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(asCarol.err()).contains(me + " holds admin, release_owner; signing as product needs product");
        try (Store store = Store.open(db)) {
            AccessServices services = AccessServices.on(store.people(), store.signatures(), store.rollouts(),
                    store.plans(), store.audit(), Clock.systemUTC(), new KeyFolder(dir.resolve("home-" + me)
                            .resolve("keys"), 1));
            assertThat(services.people().canSign("carol")).isTrue();
            // an emergency promote in bob's name from the admin's machine: bob's key is not here
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> services.signatures().sign(
                    new dev.rampart.engine.access.SignRequest(id, null, "emergency promote", Role.RELEASE_OWNER,
                            "forged"), "bob", "whatever-passphrase".toCharArray()))
                    .hasMessageContaining("bob's private key is not on this machine");
        }
        // a new store's first person sets their passphrase before anything else: without one, nothing happens
        String fresh = DataFolder.jdbcUrl(dir.resolve("fresh"));
        CliRun noSecret = CliRun.as("mallory").in(dir.resolve("home-mallory")).env("RAMPART_NEW_PASSPHRASE_FILE", null)
                .run("--db", fresh, "people", "list");
        assertThat(noSecret.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noSecret.err()).contains("This store is new").contains("RAMPART_NEW_PASSPHRASE_FILE");
        CliRun tooShort = CliRun.as("mallory").in(dir.resolve("home-mallory")).passphrase("elevenchars")
                .run("--db", fresh, "people", "list");
        assertThat(tooShort.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(tooShort.err()).contains("at least 12 characters");
        try (Store store = Store.open(fresh)) {
            assertThat(store.people().list()).isEmpty();
        }
        assertThat(rampart(me, "audit", "verify").exitCode()).isZero();
    }

    @Test
    void rowsWrittenBehindRampartsBackChangeNothingAndAreNamed() throws Exception {
        long id = start("bob");
        sql("INSERT INTO person_roles (person, role) VALUES ('carol', 'admin')",
                "INSERT INTO people (name, display_name, created_at) VALUES ('mallory', 'M', CURRENT_TIMESTAMP)",
                "INSERT INTO person_roles (person, role) VALUES ('mallory', 'admin')",
                "INSERT INTO signatures (rollout_id, stage, item, role, signer, signed_at, comment, plan_sha256,"
                        + " signed_sha256, audit_seq) SELECT " + id + ", NULL, 'go/no-go', 'product', 'carol',"
                        + " CURRENT_TIMESTAMP, 'go', sha256, '" + "ab".repeat(32) + "', 1 FROM plans");
        try (Store store = Store.open(db)) {
            AccessServices access = AccessServices.on(store.people(), store.signatures(), store.rollouts(),
                    store.plans(), store.audit(), Clock.systemUTC());
            assertThat(access.access().allows("carol", Permission.MANAGE_PEOPLE)).isFalse();
            assertThat(access.access().allows("mallory", Permission.MANAGE_PEOPLE)).isFalse();
            assertThat(access.approvals().find(id, null, "product", Instant.now())).isEmpty();
        }
        CliRun verify = rampart(me, "audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(verify.out()).contains("person_roles: (carol, admin) is in the table, but the chain never")
                .contains("people: mallory is in the table, but no chained event added them")
                .contains("signatures: row");
    }

    @Test
    void aForgedSignOffChainedWithAValidHashOpensNoGate() throws Exception {
        long id = start("bob");
        String sha;
        try (Store store = Store.open(db)) {
            sha = store.plans().find(1).orElseThrow().sha256();
        }
        try (Connection c = DriverManager.getConnection(db)) {
            ChainForger.append(c, id, "signoff.signed", "carol", null, Map.of("role", "product", "item", "go/no-go",
                    "comment", "go", "plan_sha256", sha, "signed_sha256", "ab".repeat(32), "key_id", "SHA256:x",
                    "signature", "AAAA"), null);
        }
        try (Store store = Store.open(db)) {
            AccessServices access = AccessServices.on(store.people(), store.signatures(), store.rollouts(),
                    store.plans(), store.audit(), Clock.systemUTC());
            assertThat(access.approvals().find(id, null, "product", Instant.now())).isEmpty();
        }
        CliRun verify = rampart(me, "audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(verify.out()).contains("(signoff.signed by carol) is signed with key SHA256:x, which was not"
                + " carol's key in use then");
    }

    @Test
    void anEditedPlanIsNeverActedOnAndIsNamed() throws Exception {
        long id = start("bob");
        sql("UPDATE plans SET json = REPLACE(json, 'error_rate > 1% for 5m', 'error_rate > 99% for 5m')");
        CliRun status = rampart("bob", "rollout", "status", Long.toString(id));
        assertThat(status.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(status.err()).contains("Plan 1 (REL-ATTACK-1) cannot be trusted").contains("edited");
        sql("UPDATE plans SET sha256 = '" + "cd".repeat(32) + "', json = REPLACE(json, '2.1.0', '6.6.6')");
        CliRun verify = rampart(me, "audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(verify.out()).contains("plans: plan 1 (REL-ATTACK-1)");
        assertThat(rampart("bob", "evidence", "export", Long.toString(id), "--out", dir.resolve("pack").toString())
                .exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    }

    @Test
    void aTruncatedRewoundRewrittenOrWipedChainIsNamedByTheWitness() throws Exception {
        for (int i = 0; i < 3; i++) {
            start("bob");
        }
        assertThat(rampart(me, "audit", "verify").exitCode()).isZero();
        long head;
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            head = ChainForger.head(c);
            // rewritten: the last two events replaced by others, every hash recomputed, the head as long as before
            s.execute("DROP TRIGGER audit_events_append_only");
            s.execute("DELETE FROM audit_events WHERE seq > " + (head - 2));
            ChainForger.moveHead(c, head - 2, ChainForger.hashOf(c, head - 2));
            ChainForger.append(c, null, "rollout.tick", "system", null, Map.of(), null);
            ChainForger.append(c, null, "rollout.tick", "system", null, Map.of(), null);
        }
        CliRun rewritten = rampart(me, "audit", "verify");
        assertThat(rewritten.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(rewritten.out()).contains("Audit log intact").contains("saw event " + head)
                .contains("the chain was rewritten");

        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit_events WHERE seq > " + (head - 3));
            ChainForger.moveHead(c, head - 3, ChainForger.hashOf(c, head - 3));
        }
        CliRun rewound = rampart(me, "audit", "verify");
        assertThat(rewound.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(rewound.out()).contains("Audit log intact")
                .contains("saw event " + head).contains("but the chain ends at event " + (head - 3))
                .contains("(the log was truncated or rewound)");

        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit_events");
            ChainForger.moveHead(c, 0, "0".repeat(64));
        }
        CliRun wiped = rampart(me, "audit", "verify");
        assertThat(wiped.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(wiped.out()).contains("but the chain is empty: the log was wiped");
    }

    @Test
    void aRowBeforeTheChainIsNamedAndNeverShown() throws Exception {
        long id = start("bob");
        sql("INSERT INTO audit_events (seq, rollout_id, at, type, actor, stage, data, previous_hash, hash) VALUES"
                + " (0, " + id + ", CURRENT_TIMESTAMP, 'rollout.promoted', 'mallory', NULL, '{}', '" + "0".repeat(64)
                + "', '" + "1".repeat(64) + "'), (-5, " + id + ", CURRENT_TIMESTAMP, 'signoff.signed', 'carol', NULL,"
                + " '{}', '" + "0".repeat(64) + "', '" + "2".repeat(64) + "')");
        CliRun status = rampart("bob", "rollout", "status", Long.toString(id), "--json");
        assertThat(status.out()).doesNotContain("rollout.promoted").doesNotContain("mallory");
        CliRun verify = rampart(me, "audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(verify.out()).contains("Audit log broken at event -5: it lies before the chain's first event");
    }
}
