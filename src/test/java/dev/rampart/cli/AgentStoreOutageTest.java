package dev.rampart.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.store.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent on a team store survives a PostgreSQL restart and enforces a halt after it (issue 12, item 6): a cluster
 * of the test's own is restarted with three seconds down while the agent watches a rollout whose halt rule trips
 * after the restart.
 */
class AgentStoreOutageTest {
    @TempDir
    Path dir;

    /** Always over threshold (the simulator's error rate is ~0.2 %), held 6 simulated minutes = 6 s at 60x. */
    static final String PLAN = """
            {"schema": "rampart/plan/v1", "change_id": "OUTAGE-1", "service": "checkout",
             "stages": [{"name": "canary", "traffic_percent": 10, "min_duration": "PT2H"},
                        {"name": "ga", "traffic_percent": 100}],
             "halt_rules": ["error_rate > 0.01% for 6m -> rollback"],
             "adapter": {"type": "simulator", "settings": {"time_scale": 60}}}
            """;

    @Test
    void theAgentSurvivesADatabaseRestartAndEnforcesTheHaltAfterIt() throws Exception {
        try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
            String db = pg.url();
            // The agent acts only as the system, with a database login of its own (decision 0015).
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(db);
                 java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE ROLE rampart_agent LOGIN");
            }
            String agentDb = db.replace("user=rampart", "user=rampart_agent");
            CliRun migrated = CliRun.of("--db", db, "db", "migrate", "--grant-to", "rampart_agent");
            assertThat(migrated.exitCode()).as(migrated.err()).isZero();
            Files.writeString(dir.resolve("plan.json"), PLAN);
            assertThat(CliRun.of("--db", db, "plan", "import", dir.resolve("plan.json").toString()).exitCode()).isZero();

            Files.createDirectories(dir.resolve("logs"));
            RampartProcess rampart = new RampartProcess(dir, Map.of("XDG_DATA_HOME", dir.resolve("data").toString()),
                    dir.resolve("logs"));
            Path log = dir.resolve("logs/agent.txt");
            Process agent = rampart.startRampart(log, "--db", agentDb, "agent", "--interval", "PT0.2S",
                    "--status-file", dir.resolve("agent-status.json").toString());
            try {
                RampartProcess.awaitLine(agent, log, "agent: watching", 60);
                CliRun started = CliRun.of("--db", db, "rollout", "start", "OUTAGE-1");
                assertThat(started.exitCode()).as(started.err()).isZero();

                pg.restart(Duration.ofSeconds(3));
                RampartProcess.awaitLine(agent, log, "the store cannot be reached", 60);
                RampartProcess.awaitLine(agent, log, "the store is back", 60);
                RampartProcess.awaitLine(agent, log, "rollout 1: rolled_back", 120);

                String said = Files.readString(log);
                said.lines().filter(l -> l.contains("the store is back")).forEach(l -> System.out.println("figure: " + l));
                assertThat(said.indexOf("rollout 1: rolled_back")).as(said)
                        .isGreaterThan(said.indexOf("the store is back"));
                assertThat(agent.isAlive()).as("the agent carries on").isTrue();
                CliRun status = CliRun.of("--db", db, "rollout", "status", "1", "--json");
                assertThat(new ObjectMapper().readTree(status.out()).get("state").asText()).isEqualTo("rolled_back");
                assertThat(status.out()).contains("rollout.halted");
                CliRun health = CliRun.of("agent", "--health", "--status-file",
                        dir.resolve("agent-status.json").toString());
                assertThat(health.exitCode()).as(health.out()).isZero();
                assertThat(health.out()).startsWith("agent: watching");
            } finally {
                agent.destroy();
                assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Files.readString(log)).contains("agent: stopped cleanly");
        }
    }
}
