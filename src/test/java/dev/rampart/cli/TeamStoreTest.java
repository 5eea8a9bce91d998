package dev.rampart.cli;

import dev.rampart.store.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team store's schema changes only by {@code rampart db migrate}; a release whose schema differs from the store's
 * refuses to write and names the release to install; a held row lock makes a command give up with a reason instead
 * of hanging (issue 12, items 6 and 7).
 */
class TeamStoreTest {
    @TempDir
    Path dir;

    @Test
    void openingAnEmptyTeamDatabaseCreatesNothingAndSaysHowToMigrate() throws Exception {
        try (TestPostgres pg = TestPostgres.schema("rampart_empty")) {
            CliRun status = CliRun.of("--db", pg.url(), "people", "list");
            assertThat(status.exitCode()).isNotZero();
            assertThat(status.err()).contains("rampart db migrate");
            assertThat(tables(pg)).as("no table was created by a client").isEmpty();
        }
    }

    @Test
    void dbMigrateMakesTheSchemaAndGrantsAnAppRoleNoMore() throws Exception {
        String role = "rampart_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (TestPostgres pg = TestPostgres.schema("rampart_migrate")) {
            pg.execute("CREATE ROLE " + role + " LOGIN");
            try {
                CliRun migrated = CliRun.of("--db", pg.url(), "db", "migrate", "--grant-to", role);
                assertThat(migrated.exitCode()).as(migrated.err()).isZero();
                assertThat(migrated.out()).contains("schema");

                Path plan = dir.resolve("plan.json");
                Files.writeString(plan, RolloutCommandTest.PLAN);
                CliRun imported = CliRun.of("--db", pg.urlAs(role), "plan", "import", plan.toString());
                assertThat(imported.exitCode()).as(imported.err()).isZero();
                CliRun again = CliRun.of("--db", pg.urlAs(role), "db", "status");
                assertThat(again.exitCode()).as(again.err()).isZero();
                assertThat(again.out()).contains("up to date");

                try (Connection app = DriverManager.getConnection(pg.urlAs(role)); Statement s = app.createStatement()) {
                    assertThat(failure(s, "CREATE TABLE sneaky (id INT)")).as("the app login cannot change the schema")
                            .contains("permission denied");
                    assertThat(failure(s, "DELETE FROM audit_events")).contains("permission denied");
                    assertThat(failure(s, "DELETE FROM flyway_schema_history")).contains("permission denied");
                }
            } finally {
                pg.execute("DROP OWNED BY " + role);
                pg.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void anOlderReleaseRefusesToWriteToANewerTeamSchemaAndNamesTheReleaseToInstall() throws Exception {
        try (TestPostgres pg = TestPostgres.schema("rampart_newer")) {
            assertThat(CliRun.of("--db", pg.url(), "db", "migrate").exitCode()).isZero();
            assertThat(CliRun.of("--db", pg.url(), "people", "list").exitCode()).isZero();
            pg.execute(FUTURE_MIGRATION);
            pg.execute(FUTURE_RELEASE);
            refusesToWriteButReads(pg.url());
        }
    }

    @Test
    void anOlderReleaseRefusesToWriteToANewerLocalSchema() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        assertThat(CliRun.of("--db", db, "people", "list").exitCode()).isZero();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute(FUTURE_MIGRATION);
            s.execute(FUTURE_RELEASE);
        }
        refusesToWriteButReads(db);
    }

    @Test
    void aTeamStoreWithAnOlderSchemaIsNotMigratedByAClient() throws Exception {
        try (TestPostgres pg = TestPostgres.schema("rampart_older")) {
            org.flywaydb.core.Flyway.configure().dataSource(pg.url(), null, null)
                    .locations("classpath:db/migration", "classpath:db/vendor/postgresql").target("3").load().migrate();
            CliRun imported = importPlan(pg.url());
            assertThat(imported.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
            assertThat(imported.err()).contains("older than this Rampart").contains("rampart db migrate");
            assertThat(tables(pg)).doesNotContain("store_releases");
        }
    }

    @Test
    void aHeldRowLockMakesRolloutPauseGiveUpWithAReasonInsteadOfHanging() throws Exception {
        try (TestPostgres pg = TestPostgres.schema("rampart_lock")) {
            assertThat(CliRun.of("--db", pg.url(), "db", "migrate").exitCode()).isZero();
            assertThat(importPlan(pg.url()).exitCode()).isZero();
            CliRun started = CliRun.of("--db", pg.url(), "rollout", "start", "1");
            assertThat(started.exitCode()).as(started.err()).isZero();
            try (Connection holder = DriverManager.getConnection(pg.url()); Statement s = holder.createStatement()) {
                holder.setAutoCommit(false);
                s.execute("SELECT id FROM rollouts WHERE id = 1 FOR UPDATE");
                long asked = System.nanoTime();
                CompletableFuture<CliRun> pause = CompletableFuture.supplyAsync(
                        () -> CliRun.of("--db", pg.url(), "rollout", "pause", "1", "--reason", "checking"));
                // A guard against hanging for good, not a measurement: the lock is never released while it waits.
                CliRun paused = pause.get(60, TimeUnit.SECONDS);
                System.out.printf("figure: rollout pause behind a held row lock answered after %d ms%n",
                        (System.nanoTime() - asked) / 1_000_000);
                assertThat(paused.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
                assertThat(paused.err()).contains("another session held a lock").contains("Nothing was changed");
                holder.rollback();
            }
            CliRun status = CliRun.of("--db", pg.url(), "rollout", "status", "1");
            assertThat(status.out()).contains(": running");
        }
    }

    private void refusesToWriteButReads(String db) throws Exception {
        CliRun imported = importPlan(db);
        assertThat(imported.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(imported.err()).contains("newer than this Rampart").contains("install Rampart 9.9.0 or later");
        CliRun listed = CliRun.of("--db", db, "people", "list");
        assertThat(listed.exitCode()).as("reading still works: " + listed.err()).isZero();
        CliRun status = CliRun.of("--db", db, "db", "status");
        assertThat(status.out()).contains("install Rampart 9.9.0 or later");
    }

    private CliRun importPlan(String db) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, RolloutCommandTest.PLAN);
        return CliRun.of("--db", db, "plan", "import", plan.toString());
    }

    private static final String FUTURE_MIGRATION = "INSERT INTO \"flyway_schema_history\" (\"installed_rank\","
            + " \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
            + " \"execution_time\", \"success\") VALUES ("
            + " (SELECT MAX(\"installed_rank\") + 1 FROM \"flyway_schema_history\"), '99', 'from a later release', 'SQL',"
            + " 'V99__from_a_later_release.sql', 0, 'test', 1, TRUE)";
    private static final String FUTURE_RELEASE = "INSERT INTO store_releases (schema_version, app_version,"
            + " migrated_at, migrated_by) VALUES ('99', '9.9.0', CURRENT_TIMESTAMP, 'test')";

    private static String failure(Statement s, String sql) {
        try {
            s.execute(sql);
            return "(it worked)";
        } catch (java.sql.SQLException e) {
            return e.getMessage();
        }
    }

    private static List<String> tables(TestPostgres pg) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pg.url());
             ResultSet rs = c.getMetaData().getTables(null, pg.name(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
