package dev.rampart.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;

/**
 * Rampart's store: an embedded H2 file for one person, or a shared PostgreSQL database for a team. Opening it
 * brings its schema up to date. The JDBC URL comes only from {@link DataFolder} or from the user's {@code --db},
 * never from imported data.
 */
public final class Store implements AutoCloseable {

    private final String jdbcUrl;
    private final Path h2File;
    private final SharedConnection db;
    private final JdbcPlanRepository plans;
    private final JdbcRolloutRepository rollouts;
    private final JdbcAuditLog audit;
    private final JdbcIntentRepository intents;
    private final JdbcPeopleRepository people;
    private final JdbcSignatureRepository signatures;

    private Store(String jdbcUrl, Path h2File, SharedConnection db, Clock clock, boolean teamStore) {
        this.jdbcUrl = jdbcUrl;
        this.h2File = h2File;
        this.db = db;
        this.plans = new JdbcPlanRepository(db, clock);
        this.rollouts = new JdbcRolloutRepository(db);
        this.audit = new JdbcAuditLog(db, teamStore, StoreAddress.of(jdbcUrl).location());
        this.intents = new JdbcIntentRepository(db);
        this.people = new JdbcPeopleRepository(db, audit);
        this.signatures = new JdbcSignatureRepository(db);
    }

    /** Opens the store at {@code jdbcUrl}, creating and migrating its schema as needed; plans are stamped by the system clock. */
    public static Store open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /**
     * @throws StoreUnavailableException when the store is in use by another process, cannot be reached, is damaged
     *         or cannot be migrated; its message is written for the person at the keyboard
     */
    public static Store open(String jdbcUrl, Clock clock) {
        return open(jdbcUrl, clock, null);
    }

    /**
     * Opens an H2 store encrypted at rest ({@code CIPHER=AES} in the URL) with its file password, which is copied
     * for reconnecting, cleared on {@link #close()}, and never part of the URL. {@code filePassword} null: no
     * encryption.
     *
     * @throws StoreUnavailableException as {@link #open(String, Clock)}, and when the password is wrong
     */
    public static Store open(String jdbcUrl, Clock clock, char[] filePassword) {
        StoreAddress address = StoreAddress.of(jdbcUrl);
        if (address.isH2() && address.isEncrypted() != (filePassword != null)) {
            throw new StoreUnavailableException(address.isEncrypted()
                    ? "The store " + address.describe() + " is encrypted (CIPHER=AES): its password is needed"
                    : "A store password was given, but the --db URL does not ask for encryption (;CIPHER=AES)");
        }
        if (filePassword != null && address.hasPasswordSetting()) {
            throw new StoreUnavailableException("Put no PASSWORD= in the store's URL: Rampart asks for the password"
                    + " at start (or reads RAMPART_DB_PASSWORD_FILE)");
        }
        address.autoServerSetting().ifPresent(setting -> {
            throw new StoreUnavailableException("Rampart does not open H2 stores with " + setting + ": it would"
                    + " listen on a network port. Remove it from the --db URL.");
        });
        Optional<Path> h2File = address.h2File();
        h2File.ifPresent(OpenH2Files::claim);
        try {
            if (h2File.isPresent()) {
                ownerOnly(h2File.get());
            }
            StoreSecret secret = address.isEncrypted() ? StoreSecret.h2(filePassword, h2File.orElseThrow())
                    : address.isH2() ? StoreSecret.none() : StoreSecret.server(filePassword);
            SharedConnection.Opener opener = () -> DriverManager.getConnection(jdbcUrl, secret.properties());
            Connection first = connect(opener, address);
            SharedConnection db;
            try {
                db = new SharedConnection(opener, first, secret);
                migrate(jdbcUrl, address, secret);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(first);
                throw e instanceof SQLException s ? OpenFailures.of(s, address) : (RuntimeException) e;
            }
            h2File.ifPresent(Store::restrictFiles);
            TrustUpgrade.run(db, clock);
            return new Store(jdbcUrl, h2File.orElse(null), db, clock, !address.isH2());
        } catch (RuntimeException e) {
            h2File.ifPresent(OpenH2Files::release);
            throw e;
        }
    }

    /**
     * A new store's folder is made 0700 and its file 0600 before H2 writes a byte (H2 opens an empty file as a new
     * store); an existing folder that Rampart did not make is left as it is.
     */
    private static void ownerOnly(Path mvFile) {
        try {
            OwnerOnly.createFolder(mvFile.getParent());
            if (!Files.exists(mvFile)) {
                OwnerOnly.newFile(mvFile.getParent(), mvFile.getFileName().toString());
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("The Rampart store " + mvFile + " cannot be created: " + e.getMessage(),
                    e);
        }
    }

    /** H2's own files beside the store (a trace, a lock, a temporary file) are the owner's only too. */
    private static void restrictFiles(Path mvFile) {
        String base = mvFile.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db", ".kdf"}) {
            OwnerOnly.ownFile(mvFile.resolveSibling(base + suffix));
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The store as a person may read it: the H2 file, or the URL with any password masked. */
    public String describe() {
        return StoreAddress.of(jdbcUrl).describe();
    }

    /** Where the store lives, however its URL was spelled (what witnesses name it by). */
    public String location() {
        return StoreAddress.of(jdbcUrl).location();
    }

    /** A shared PostgreSQL store, where people are database logins; false for a local H2 file. */
    public boolean isTeamStore() {
        return audit.teamStore();
    }

    /** The folder of a local H2 store's file; empty for a team store. */
    public Optional<Path> localFolder() {
        return Optional.ofNullable(h2File).map(Path::getParent);
    }

    /**
     * Tells {@code listener} the newest event after every commit that appended to the chain, on the committing
     * thread; a witness checkpoints the chain head there. A failing listener is logged, never the caller's failure.
     */
    public void onHeadMoved(java.util.function.Consumer<dev.rampart.domain.rollout.AuditEvent> listener) {
        db.onHeadMoved(listener);
    }

    public JdbcPlanRepository plans() {
        return plans;
    }

    public JdbcRolloutRepository rollouts() {
        return rollouts;
    }

    /** Adapter intents, for the engine's exactly-once effects. */
    public JdbcIntentRepository intents() {
        return intents;
    }

    /** The audit log, with {@link JdbcAuditLog#verify()}. */
    public JdbcAuditLog audit() {
        return audit;
    }

    /** People, their roles and passphrase hashes. */
    public JdbcPeopleRepository people() {
        return people;
    }

    /** Signatures on checklist items, go/no-go decisions and emergency actions. */
    public JdbcSignatureRepository signatures() {
        return signatures;
    }

    @Override
    public void close() {
        try {
            db.close();
        } finally {
            if (h2File != null) {
                restrictFiles(h2File);
                OpenH2Files.release(h2File);
            }
        }
    }

    private static Connection connect(SharedConnection.Opener opener, StoreAddress address) {
        Connection connection;
        try {
            connection = opener.open();
        } catch (SQLException e) {
            throw OpenFailures.of(e, address);
        }
        if (address.isH2()) {
            // Durable commits even when --db names an H2 file without WRITE_DELAY=0 (see DataFolder.H2_SETTINGS).
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            } catch (SQLException e) {
                closeQuietly(connection);
                throw OpenFailures.of(e, address);
            }
        }
        return connection;
    }

    private static void migrate(String jdbcUrl, StoreAddress address, StoreSecret secret) {
        try {
            // Flyway takes the password as a String; it lives only as long as the migration.
            Flyway.configure()
                    .dataSource(jdbcUrl, secret.user(), secret.passwordText())
                    .locations("classpath:db/migration", "classpath:db/vendor/" + (address.isH2() ? "h2" : "postgresql"))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("The Rampart store " + address.describe()
                    + " could not be brought up to date: " + StoreAddress.masked(SharedConnection.firstLine(e.getMessage())), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one worth reporting
        }
    }
}
