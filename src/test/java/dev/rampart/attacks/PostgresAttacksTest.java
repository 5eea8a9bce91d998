package dev.rampart.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import dev.rampart.cli.ExitCode;
import dev.rampart.domain.access.Role;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.keys.KeyFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attacks of issue 11 on a real PostgreSQL team store, with the grants of db/grants/postgresql.sql: alice (the
 * first person, admin and release owner), bob (release owner) and carol (product) each log in as themselves; the
 * agent has a login of its own. Each test is an attack that worked before and is now refused or named.
 */
class PostgresAttacksTest {
    @TempDir
    Path dir;
    PgTeam team;
    String alice;
    String bob;
    String carol;

    @BeforeEach
    void team() {
        team = new PgTeam("alice", "bob", "carol");
        alice = team.login("alice");
        bob = team.login("bob");
        carol = team.login("carol");
        CliRun founded = as(alice, "plan", "import", TeamPlans.write(dir, TeamPlans.GATED).toString());
        assertThat(founded.exitCode()).as(founded.err()).isZero();
        assertThat(founded.err()).contains("you, " + alice + ", are the first person of this store");
        assertThat(as(alice, "people", "add", bob, "--role", "release_owner").exitCode()).isZero();
        assertThat(as(alice, "people", "add", carol, "--role", "product").exitCode()).isZero();
        assertThat(as(bob, "people", "enrol").exitCode()).isZero();
        assertThat(as(carol, "people", "enrol").exitCode()).isZero();
    }

    @AfterEach
    void drop() {
        team.close();
    }

    /** A person at their own machine: their data folder, their login. */
    CliRun as(String login, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = team.url(login);
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.as("os-user-of-" + login).in(dir.resolve("home-" + login)).passphrase(login + "-passphrase")
                .run(all);
    }

    @Test
    void aPersonIsTheirLoginAndACommandLineCannotClaimAnother() throws Exception {
        CliRun claimed = as(bob, "--user", alice, "people", "add", "mallory", "--role", "admin");
        assertThat(claimed.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(claimed.err()).contains("--user " + alice + " is not who you are").contains("database login " + bob);
        assertThat(as(alice, "people", "list").out()).doesNotContain("mallory");

        CliRun started = as(bob, "rollout", "start", "REL-ATTACK-1", "--json");
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(new ObjectMapper().readTree(started.out()).get("started_by").asText()).isEqualTo(bob);
    }

    @Test
    void fourEyesHoldsAgainstAClaimedStarterAndAnEditedRolloutsRow() throws Exception {
        assertThat(as(alice, "people", "grant", alice, "product").exitCode()).isZero();
        CliRun claimed = as(alice, "--user", bob, "rollout", "start", "REL-ATTACK-1");
        assertThat(claimed.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        long id = new ObjectMapper().readTree(as(alice, "rollout", "start", "REL-ATTACK-1", "--json").out())
                .get("id").asLong();
        // alice, who may UPDATE rollouts (the engine runs in consoles), names bob as the starter
        team.as(alice, "UPDATE rollouts SET started_by = '" + bob + "' WHERE id = " + id);
        CliRun signed = as(alice, "sign", Long.toString(id), "--role", "product");
        assertThat(signed.exitCode()).as(signed.out()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(signed.err()).contains(alice + " started rollout " + id).contains("four-eyes");
        CliRun verify = as(alice, "audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(verify.out()).contains("rollouts: rollout " + id + " names " + bob + " as its starter, but event");
        assertThat(as(carol, "sign", Long.toString(id), "--role", "product").exitCode()).isZero();
    }

    @Test
    void rowsWrittenIntoPersonRolesAndSignaturesChangeNothingAndAreNamed() throws Exception {
        long id = new ObjectMapper().readTree(as(bob, "rollout", "start", "REL-ATTACK-1", "--json").out())
                .get("id").asLong();
        team.as(bob, "INSERT INTO person_roles (person, role) VALUES ('" + bob + "', 'admin')",
                "INSERT INTO signatures (rollout_id, stage, item, role, signer, signed_at, comment, plan_sha256,"
                        + " signed_sha256, audit_seq, key_id, signature) SELECT " + id + ", NULL, 'go/no-go',"
                        + " 'product', '" + carol + "', CURRENT_TIMESTAMP, 'go', sha256, '" + "ab".repeat(32)
                        + "', 1, 'SHA256:x', 'forged' FROM plans");
        CliRun grant = as(bob, "people", "grant", bob, "admin");
        assertThat(grant.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(grant.err()).contains(bob + " holds release_owner");
        try (Store store = Store.open(team.url(alice))) {
            AccessServices access = AccessServices.on(store.people(), store.signatures(), store.rollouts(),
                    store.plans(), store.audit(), Clock.systemUTC());
            assertThat(access.approvals().find(id, null, "product", Instant.now())).isEmpty();
            assertThat(access.people().find(bob).orElseThrow().roles()).containsExactly(Role.RELEASE_OWNER);
        }
        CliRun verify = as(alice, "audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(verify.out()).contains("person_roles: (" + bob + ", admin) is in the table, but the chain never")
                .contains("is not a chained sign-off that verifies");
    }

    @Test
    void aLoginCannotAppendInAnothersNameNorForgeTheirRoleKeyOrSignature() throws Exception {
        long id = new ObjectMapper().readTree(as(bob, "rollout", "start", "REL-ATTACK-1", "--json").out())
                .get("id").asLong();
        try (Connection c = DriverManager.getConnection(team.url(bob))) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> ChainForger.append(c, null, "role.granted", alice,
                    null, Map.of("person", bob, "role", "admin"), alice))
                    .isInstanceOf(SQLException.class).hasMessageContaining("record the login that appends them");
            c.rollback();
            // correctly hashed, chained events in alice's and carol's names, from bob's own login
            ChainForger.append(c, null, "role.granted", alice, null, Map.of("person", bob, "role", "admin"), bob);
            KeyFolder bobs = new KeyFolder(dir.resolve("bobs-forgery"), 1);
            var key = bobs.create(carol, "bobs-forgery-passphrase".toCharArray());
            String keyId = dev.rampart.domain.access.Ed25519.keyId(key.publicKey());
            ChainForger.append(c, null, "key.enrolled", carol, null, Map.of("person", carol, "key_id", keyId,
                    "public_key", dev.rampart.domain.access.Ed25519.encode(key.publicKey()), "proof", "x"), bob);
            c.commit();
        }
        CliRun grant = as(bob, "people", "grant", bob, "admin");
        assertThat(grant.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(as(alice, "people", "list").out()).containsPattern(carol + " .*product +key SHA256:")
                .doesNotContain("bobs-forgery");
        CliRun verify = as(alice, "audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(verify.out()).contains("(role.granted) changes the roles of " + bob + ", but it was appended by login "
                + bob + ", not " + alice + "'s").contains("(key.enrolled) enrols a key for " + carol);
        assertThat(as(carol, "sign", Long.toString(id), "--role", "product").exitCode()).isZero();
    }

    @Test
    void updatePlansIsRefusedByTheGrantsAndAnOwnersEditIsNeverActedOn() throws Exception {
        long id = new ObjectMapper().readTree(as(bob, "rollout", "start", "REL-ATTACK-1", "--json").out())
                .get("id").asLong();
        assertThatThrownBy(() -> team.as(bob, "UPDATE plans SET json = REPLACE(json, 'error_rate > 1% for 5m',"
                + " 'error_rate > 99% for 5m')")).isInstanceOf(SQLException.class).hasMessageContaining("permission");
        team.superuser("UPDATE " + team.schema + ".plans SET json = REPLACE(json, 'error_rate > 1% for 5m',"
                + " 'error_rate > 99% for 5m')");
        CliRun status = as(bob, "rollout", "status", Long.toString(id));
        assertThat(status.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(status.err()).contains("cannot be trusted").contains("edited");
        CliRun verify = as(alice, "audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(verify.out()).contains("plans: plan 1 (REL-ATTACK-1)");
    }

    @Test
    void peopleAndTheAgentCannotRewriteTheChainNorWriteWhatOnlyPeopleWrite() {
        for (String sql : new String[] {"UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events",
                "TRUNCATE audit_events", "ALTER TABLE audit_events DISABLE TRIGGER USER",
                "DROP TRIGGER audit_events_login ON audit_events", "UPDATE store_info SET store_id = 'x'"}) {
            assertThatThrownBy(() -> team.as(bob, sql)).as(sql).isInstanceOf(SQLException.class);
        }
        for (String sql : new String[] {"INSERT INTO person_roles (person, role) VALUES ('x', 'admin')",
                "INSERT INTO people (name, display_name, created_at) VALUES ('x', 'x', CURRENT_TIMESTAMP)",
                "INSERT INTO plans (change_id, json, sha256, imported_at) VALUES ('x', '{}', 'x', CURRENT_TIMESTAMP)",
                "DELETE FROM person_roles", "UPDATE plans SET json = '{}'"}) {
            assertThatThrownBy(() -> team.as(team.agent, sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        CliRun agentAsAlice = as(alice, "agent", "--ticks", "1", "--interval", "PT0.01S");
        assertThat(agentAsAlice.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(agentAsAlice.err()).contains("login of its own");
        CliRun agent = CliRun.as("svc").in(dir.resolve("agent-home"))
                .run("--db", team.url(team.agent), "agent", "--ticks", "1", "--interval", "PT0.01S");
        assertThat(agent.exitCode()).as(agent.err()).isZero();
    }

    @Test
    void aTruncatedRewoundOrWipedChainIsNamedByTheWitness() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(as(bob, "rollout", "start", "REL-ATTACK-1").exitCode()).isZero();
        }
        assertThat(as(alice, "audit", "verify").exitCode()).isZero();
        long head;
        try (Connection c = DriverManager.getConnection(team.superuserUrl())) {
            head = ChainForger.head(c);
            try (var s = c.createStatement()) {
                s.execute("ALTER TABLE audit_events DISABLE TRIGGER USER");
                s.execute("DELETE FROM audit_events WHERE seq > " + (head - 3));
            }
            ChainForger.moveHead(c, head - 3, ChainForger.hashOf(c, head - 3));
        }
        CliRun rewound = as(alice, "audit", "verify");
        assertThat(rewound.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(rewound.out()).contains("Audit log intact")
                .contains("the chain ends at event " + (head - 3) + ": events " + (head - 2) + " to ")
                .contains("(the log was truncated or rewound)");

        try (Connection c = DriverManager.getConnection(team.superuserUrl()); var s = c.createStatement()) {
            s.execute("DELETE FROM audit_events");
            ChainForger.moveHead(c, 0, "0".repeat(64));
        }
        CliRun wiped = as(alice, "audit", "verify");
        assertThat(wiped.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(wiped.out()).contains("but the chain is empty: the log was wiped");
    }

    @Test
    void aDatabasePasswordIsReadFromItsFileAndNeverPrinted() {
        CliRun inUrl = CliRun.as("x").in(dir.resolve("pw")).run("--db", team.url(team.agent) + "&password=s3cret-pw",
                "agent", "--ticks", "1");
        assertThat(inUrl.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(inUrl.out() + inUrl.err()).doesNotContain("s3cret-pw").contains("RAMPART_DB_PASSWORD_FILE");

        CliRun missing = CliRun.as("x").in(dir.resolve("pw")).env("RAMPART_DB_PASSWORD_FILE", "/nonexistent/pw")
                .run("--db", team.url(team.agent), "agent", "--ticks", "1");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("RAMPART_DB_PASSWORD_FILE names /nonexistent/pw");

        CliRun read = CliRun.as("x").in(dir.resolve("pw"))
                .env("RAMPART_DB_PASSWORD_FILE", CliRun.secretFile("s3cret-pw"))
                .run("--db", team.url(team.agent), "agent", "--ticks", "1", "--interval", "PT0.01S");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out() + read.err()).doesNotContain("s3cret-pw").contains("agent: watching");
    }
}
