package dev.rampart.store;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.fail;

/**
 * The PostgreSQL server named by {@code RAMPART_TEST_PG_URL}, with a schema of its own for one test (dropped on
 * close). Without the variable the test is skipped, unless {@code RAMPART_REQUIRE_INTEGRATION=1}: then it fails.
 */
public final class TestPostgres implements AutoCloseable {
    private final String server;
    private final String schema;

    private TestPostgres(String server, String schema) {
        this.server = server;
        this.schema = schema;
    }

    /** A fresh empty schema on the test server. */
    public static TestPostgres schema(String prefix) {
        String server = System.getenv("RAMPART_TEST_PG_URL");
        if (server == null || server.isBlank()) {
            if ("1".equals(System.getenv("RAMPART_REQUIRE_INTEGRATION"))) {
                fail("RAMPART_REQUIRE_INTEGRATION=1, but RAMPART_TEST_PG_URL is not set");
            }
            Assumptions.abort("RAMPART_TEST_PG_URL is not set; PostgreSQL test skipped");
        }
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        TestPostgres pg = new TestPostgres(server, schema);
        pg.execute("CREATE SCHEMA " + schema);
        return pg;
    }

    /** The store's URL: the test server, in this schema, as the server's own user. */
    public String url() {
        return urlAs(null);
    }

    /** The store's URL as {@code user} (trust authentication on the test server); null: the server's own user. */
    public String urlAs(String user) {
        String url = server;
        if (user != null) {
            url = url.replaceAll("([?&])user=[^&]*", "$1user=" + user);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String name() {
        return schema;
    }

    /** Runs {@code sql} as the server's own user, in this schema. */
    public void execute(String sql) {
        String url = server;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema + ", public");
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test setup failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
