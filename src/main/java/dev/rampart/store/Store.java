package dev.rampart.store;

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
 * Rampart's store: an embedded H2 file for one person, or a shared PostgreSQL database for a team. Opening an H2
 * file brings its schema up to date; a team store is migrated only by {@link #migrate} ({@code rampart db migrate}),
 * and a store whose schema is not this build's opens read-only ({@link #schema()}). The JDBC URL comes only from {@link DataFolder} or from the user's {@code --db},
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
    private final SchemaState schema;
    private final boolean lent;

    /** A view of {@code owner} that shares its connection and repositories; closing it closes nothing. */
    private Store(Store owner) {
        this.jdbcUrl = owner.jdbcUrl;
        this.h2File = owner.h2File;
        this.db = owner.db;
        this.plans = owner.plans;
        this.rollouts = owner.rollouts;
        this.audit = owner.audit;
        this.intents = owner.intents;
        this.people = owner.people;
        this.signatures = owner.signatures;
        this.schema = owner.schema;
        this.lent = true;
    }

    private Store(String jdbcUrl, Path h2File, SharedConnection db, Clock clock, SchemaState schema) {
        this.lent = false;
        this.jdbcUrl = jdbcUrl;
        this.schema = schema;
        this.h2File = h2File;
        this.db = db;
        this.plans = new JdbcPlanRepository(db, clock);
        this.rollouts = new JdbcRolloutRepository(db);
        StoreAddress address = StoreAddress.of(jdbcUrl);
        this.audit = new JdbcAuditLog(db, !address.isH2(), address.location());
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
     * Opens a store with its password: an H2 store encrypted at rest ({@code CIPHER=AES} in the URL), whose password
     * is stretched before H2 sees it ({@link StoreSecret#h2}), or a PostgreSQL login's. It is copied for reconnecting,
     * cleared on {@link #close()}, and never part of the URL. {@code password} null: no encryption, or a login that
     * needs none.
     *
     * @throws StoreUnavailableException as {@link #open(String, Clock)}, and when the password is wrong
     */
    public static Store open(String jdbcUrl, Clock clock, char[] password) {
        StoreAddress address = StoreAddress.of(jdbcUrl);
        if (address.isH2() && address.isEncrypted() != (password != null)) {
            throw new StoreUnavailableException(address.isEncrypted()
                    ? "The store " + address.describe() + " is encrypted (CIPHER=AES): its password is needed"
                    : "A store password was given, but the --db URL does not ask for encryption (;CIPHER=AES)");
        }
        if (password != null && address.hasPasswordSetting()) {
            throw new StoreUnavailableException("Put no PASSWORD= in the store's URL: Rampart asks for the password"
                    + " at start (or reads RAMPART_DB_PASSWORD_FILE)");
        }
        refuseAutoServer(address);
        Optional<Path> h2File = address.h2File();
        h2File.ifPresent(OpenH2Files::claim);
        try {
            h2File.ifPresent(Store::ownerOnly);
            StoreSecret secret = StoreSecret.of(address, password);
            SharedConnection.Opener opener = () -> DriverManager.getConnection(jdbcUrl, secret.properties());
            Connection first = connect(opener, address);
            SharedConnection db;
            SchemaState schema;
            try {
                if (address.isH2()) {
                    schema = Schema.migrate(jdbcUrl, address, secret).state();
                    db = StoreConnections.local(jdbcUrl, address, secret, opener, first, schema);
                } else {
                    schema = Schema.check(jdbcUrl, address, secret);
                    db = StoreConnections.team(jdbcUrl, address, secret, first, schema);
                }
            } catch (SQLException | RuntimeException e) {
                closeQuietly(first);
                throw e instanceof SQLException s ? OpenFailures.of(s, address) : (RuntimeException) e;
            }
            h2File.ifPresent(Store::restrictFiles);
            if (db.writeProblem() == null) {
                TrustUpgrade.run(db, clock);
            }
            return new Store(jdbcUrl, h2File.orElse(null), db, clock, schema);
        } catch (RuntimeException e) {
            h2File.ifPresent(OpenH2Files::release);
            throw e;
        }
    }

    private static void refuseAutoServer(StoreAddress address) {
        address.autoServerSetting().ifPresent(setting -> {
            throw new StoreUnavailableException("Rampart does not open H2 stores with " + setting + ": it would"
                    + " listen on a network port. Remove it from the --db URL.");
        });
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

    /**
     * {@code rampart db migrate}: brings the store's schema to this build's, as the login in {@code jdbcUrl} (the
     * migrator, who may create tables), then grants each of {@code appRoles} what the app needs and no more
     * (PostgreSQL). The only way a team store's schema changes; a local H2 file also migrates itself when opened.
     *
     * @throws StoreUnavailableException when the store cannot be reached or migrated
     */
    public static StoreMigration migrate(String jdbcUrl, char[] filePassword, java.util.List<String> appRoles) {
        StoreAddress address = StoreAddress.of(jdbcUrl);
        refuseAutoServer(address);
        if (!appRoles.isEmpty() && address.isH2()) {
            throw new IllegalArgumentException("--grant-to is for PostgreSQL stores; an H2 file has one user");
        }
        Optional<Path> h2File = address.h2File();
        h2File.ifPresent(OpenH2Files::claim);
        h2File.ifPresent(Store::ownerOnly);
        try (StoreSecret secret = StoreSecret.of(address, filePassword)) {
            Connection held = connect(() -> DriverManager.getConnection(jdbcUrl, secret.properties()), address);
            try {
                StoreMigration done = Schema.migrate(jdbcUrl, address, secret);
                appRoles.forEach(role -> Schema.grantAppRole(jdbcUrl, secret, role));
                return done;
            } finally {
                closeQuietly(held);
            }
        } finally {
            h2File.ifPresent(OpenH2Files::release);
        }
    }

    /** The store's schema against this build's, as found when it was opened; writes are refused unless current. */
    public SchemaState schema() {
        return schema;
    }

    /** An embedded H2 file (one person's store), as opposed to a team's database server. */
    public boolean isLocal() {
        return h2File != null;
    }

    /** The embedded H2 file, if this is one. */
    public Optional<Path> localFile() {
        return Optional.ofNullable(h2File);
    }

    /**
     * Checks that the store answers now (a short transaction).
     *
     * @throws StoreUnavailableException when it does not: the server is down or restarting
     */
    public void ping() {
        db.inTransaction("reach the store", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            return null;
        });
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The store for a person or a log: the H2 file, or the URL with any password masked. */
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
     * thread; a witness checkpoints the chain head there. A failing listener is logged, never the caller's failure. A
     * lent store shares its owner's listener and cannot replace it.
     */
    public void onHeadMoved(java.util.function.Consumer<dev.rampart.domain.rollout.AuditEvent> listener) {
        if (!lent) {
            db.onHeadMoved(listener);
        }
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

    /** People, their roles, logins and signing keys, replayed from the chain. */
    public JdbcPeopleRepository people() {
        return people;
    }

    /** Signatures on checklist items, go/no-go decisions and emergency actions. */
    public JdbcSignatureRepository signatures() {
        return signatures;
    }

    /**
     * This open store, lent to a command that would otherwise open it itself (one forwarded by a command line
     * beside the console): the same connection and repositories, and {@link #close()} leaves the store open.
     */
    public Store lend() {
        return new Store(this);
    }

    /** The {@code .mv.db} file of an embedded H2 store named by {@code jdbcUrl}; empty for servers and mistakes. */
    public static Optional<Path> h2FileOf(String jdbcUrl) {
        try {
            return StoreAddress.of(jdbcUrl).h2File();
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (lent) {
            return;
        }
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

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one worth reporting
        }
    }
}
