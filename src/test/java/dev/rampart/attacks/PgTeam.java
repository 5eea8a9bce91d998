package dev.rampart.attacks;

import dev.rampart.store.Store;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A team's store on the real PostgreSQL server of {@code RAMPART_TEST_PG_URL}: a schema of its own, migrated by the
 * superuser, a group role for people, a login per person in it and one for the agent, all with random names, and the
 * grants of {@code db/grants/postgresql.sql}. Dropped afterwards. Skipped without a server, unless
 * {@code RAMPART_REQUIRE_INTEGRATION=1}.
 */
final class PgTeam implements AutoCloseable {
    final String server;
    final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String schema = "rampart_id_" + suffix;
    final String people = "rampart_people_" + suffix;
    final String agent = "rampart_agent_" + suffix;
    private final List<String> logins = new ArrayList<>();

    static String server() {
        String url = System.getenv("RAMPART_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("1".equals(System.getenv("RAMPART_REQUIRE_INTEGRATION"))) {
                fail("RAMPART_REQUIRE_INTEGRATION=1, but RAMPART_TEST_PG_URL is not set");
            }
            Assumptions.abort("RAMPART_TEST_PG_URL is not set; PostgreSQL tests skipped");
        }
        return url;
    }

    /** @param persons short names; each gets the login {@code <name>_<suffix>} in the people group */
    PgTeam(String... persons) {
        server = server();
        superuser("CREATE SCHEMA " + schema, "CREATE ROLE " + people + " NOLOGIN", "CREATE ROLE " + agent + " LOGIN");
        for (String p : persons) {
            String login = login(p);
            logins.add(login);
            superuser("CREATE ROLE " + login + " LOGIN IN ROLE " + people);
        }
        Store.migrate(superuserUrl(), null, List.of());
        grant();
    }

    String login(String person) {
        return person + "_" + suffix;
    }

    /** The store's URL for {@code login} (no password: the test server trusts loopback). */
    String url(String login) {
        return server.replaceFirst("user=[^&]*", "user=" + login) + "&currentSchema=" + schema;
    }

    String superuserUrl() {
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    void superuser(String... statements) {
        run(server, statements);
    }

    /** Runs SQL as {@code login} in the store's schema; the first failure is thrown. */
    void as(String login, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(login)); Statement s = c.createStatement()) {
            for (String each : statements) {
                s.execute(each);
            }
        }
    }

    void grant() {
        String sql;
        try (InputStream in = PgTeam.class.getResourceAsStream("/db/grants/postgresql.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        sql = sql.replace("${schema}", schema).replace("${people}", people).replace("${agent}", agent);
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        run(superuserUrl(), statements.toArray(String[]::new));
    }

    @Override
    public void close() {
        List<String> drops = new ArrayList<>();
        drops.add("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        for (String role : allRoles()) {
            drops.add("DROP OWNED BY " + role);
            drops.add("DROP ROLE IF EXISTS " + role);
        }
        run(server, drops.toArray(String[]::new));
    }

    private List<String> allRoles() {
        List<String> all = new ArrayList<>(logins);
        all.add(agent);
        all.add(people);
        return all;
    }

    private static void run(String url, String... statements) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String each : statements) {
                s.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test setup failed: " + e.getMessage(), e);
        }
    }
}
