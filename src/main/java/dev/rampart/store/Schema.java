package dev.rampart.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Migrating the store's schema and comparing it with this build's. A team store (PostgreSQL) is migrated only by an
 * explicit {@code rampart db migrate} with a migrator login; a local H2 file migrates itself when opened, since its
 * one user is its migrator. Each migration records the release that made it in {@code store_releases}.
 */
final class Schema {

    /** This build's release (the pom's version), named in every message about schemas. */
    static final String RELEASE = release();

    private static final Pattern ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Schema() {
    }

    /** Brings the schema to this build's version and records the release; returns the versions before and after. */
    static StoreMigration migrate(String jdbcUrl, StoreAddress address, StoreSecret secret) {
        Flyway flyway = flyway(jdbcUrl, address, secret);
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("The Rampart store " + address.describe()
                    + " could not be brought up to date: " + StoreAddress.masked(SharedConnection.firstLine(e.getMessage())), e);
        }
        SchemaState after = check(flyway, jdbcUrl, address, secret);
        if (result.migrationsExecuted > 0 || (after.storeRelease() == null && after.writable())) {
            record(jdbcUrl, address, secret, after.storeVersion());
            after = new SchemaState(after.kind(), after.storeVersion(), after.buildVersion(), RELEASE, RELEASE);
        }
        return new StoreMigration(result.initialSchemaVersion, after.storeVersion(), result.migrationsExecuted, after);
    }

    /** The store's schema against this build's; reads only. */
    static SchemaState check(String jdbcUrl, StoreAddress address, StoreSecret secret) {
        return check(flyway(jdbcUrl, address, secret), jdbcUrl, address, secret);
    }

    private static SchemaState check(Flyway flyway, String jdbcUrl, StoreAddress address, StoreSecret secret) {
        MigrationInfoService info;
        try {
            info = flyway.info();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("The schema of the Rampart store " + address.describe()
                    + " cannot be read: " + StoreAddress.masked(SharedConnection.firstLine(e.getMessage())), e);
        }
        MigrationInfo[] all = info.all();
        String build = Arrays.stream(all).filter(m -> m.isVersioned() && m.getState().isResolved())
                .max(Comparator.comparing(MigrationInfo::getVersion))
                .map(m -> m.getVersion().getVersion()).orElse("0");
        MigrationInfo current = info.current();
        if (current == null || current.getVersion() == null) {
            return new SchemaState(SchemaState.Kind.EMPTY, null, build, null, RELEASE);
        }
        String store = current.getVersion().getVersion();
        String storeRelease = lastRelease(jdbcUrl, secret);
        boolean newer = Arrays.stream(all).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED);
        if (newer) {
            return new SchemaState(SchemaState.Kind.NEWER, store, build, storeRelease, RELEASE);
        }
        boolean older = info.pending().length > 0;
        return new SchemaState(older ? SchemaState.Kind.OLDER : SchemaState.Kind.CURRENT, store, build, storeRelease,
                RELEASE);
    }

    /**
     * Lets {@code role} use the store as the app does (PostgreSQL): read everything; insert, update and delete the
     * working tables; only insert into the append-only ones; never touch the migration history. Tables added by later
     * migrations are covered by running this again after {@code db migrate}.
     */
    static void grantAppRole(String jdbcUrl, StoreSecret secret, String role) {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("--grant-to: \"" + role + "\" is not a role name (letters, digits, _)");
        }
        List<String> grants = List.of(
                "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + role,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + role,
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + SCHEMA + " TO " + role,
                "REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, signatures FROM " + role,
                "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history, store_releases FROM " + role);
        try (Connection c = DriverManager.getConnection(jdbcUrl, secret.properties())) {
            String schema = c.getSchema();
            for (String grant : grants) {
                try (Statement s = c.createStatement()) {
                    s.execute(grant.replace(SCHEMA, '"' + schema.replace("\"", "\"\"") + '"'));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not grant " + role + " the app's privileges: "
                    + StoreAddress.masked(SharedConnection.firstLine(e.getMessage())), e);
        }
    }

    private static final String SCHEMA = "<schema>";

    private static Flyway flyway(String jdbcUrl, StoreAddress address, StoreSecret secret) {
        // Logging set up on this thread first: otherwise SLF4J prints a warning about calls it replayed.
        org.slf4j.LoggerFactory.getILoggerFactory();
        // Flyway takes the password as a String; it lives only as long as the migration.
        return Flyway.configure()
                .dataSource(jdbcUrl, secret.user(), secret.passwordText())
                .locations("classpath:db/migration", "classpath:db/vendor/" + (address.isH2() ? "h2" : "postgresql"))
                .failOnMissingLocations(true)
                // Version ranges are handed to parallel branches, so a lower number may land after a higher one.
                .outOfOrder(true)
                .load();
    }

    private static void record(String jdbcUrl, StoreAddress address, StoreSecret secret, String version) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, secret.properties());
             PreparedStatement insert = c.prepareStatement("INSERT INTO store_releases"
                     + " (schema_version, app_version, migrated_at, migrated_by) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, version);
            insert.setString(2, RELEASE);
            SqlTime.set(insert, 3, SqlTime.toMillis(Instant.now()));
            insert.setString(4, address.isH2() ? System.getProperty("user.name", "unknown") : c.getMetaData().getUserName());
            insert.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not record the release that migrated the store: "
                    + StoreAddress.masked(SharedConnection.firstLine(e.getMessage())), e);
        }
    }

    /** The release that last migrated the store; null before V30 or when the table cannot be read. */
    private static String lastRelease(String jdbcUrl, StoreSecret secret) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, secret.properties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT app_version FROM store_releases ORDER BY migrated_at DESC")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String release() {
        try (InputStream in = Schema.class.getResourceAsStream("/rampart-release.properties")) {
            if (in == null) {
                return "development build";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? "development build" : v;
        } catch (IOException e) {
            return "development build";
        }
    }
}
