package dev.rampart.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool of a team store (PostgreSQL), with the time-outs that keep a person from waiting on a dead
 * server or another session's lock (docs/decisions/0021-team-store-schema-and-connections.md). Each default is a driver
 * property, so the same setting in the {@code --db} URL overrides it.
 */
final class StorePool {
    /** Seconds to wait for the server to accept a connection. */
    static final int CONNECT_TIMEOUT_S = 5;
    /** How long one statement may run on the server before it is cancelled. */
    static final int STATEMENT_TIMEOUT_MS = 30_000;
    /** How long a statement waits for another session's row or table lock before it gives up. */
    static final int LOCK_TIMEOUT_MS = 5_000;
    /** A transaction left open this long (a frozen client) is ended by the server, releasing its locks. */
    static final int IDLE_IN_TRANSACTION_MS = 60_000;
    /** Seconds a read on the socket may take: a server gone silent (a cut network) is noticed. */
    static final int SOCKET_TIMEOUT_S = 60;
    /** Milliseconds to wait for a pooled connection, including reconnecting after the server restarted. */
    static final long BORROW_TIMEOUT_MS = 5_000;

    private StorePool() {
    }

    static HikariDataSource open(String jdbcUrl, StoreSecret secret, boolean readOnly) {
        // Logging set up before the pool's own threads log, or SLF4J prints a warning about replayed calls.
        org.slf4j.LoggerFactory.getILoggerFactory();
        HikariConfig config = new HikariConfig();
        config.setPoolName("rampart-store");
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(secret.properties());
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_S));
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_S));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "rampart");
        config.addDataSourceProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT_MS
                + " -c lock_timeout=" + LOCK_TIMEOUT_MS
                + " -c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION_MS);
        config.setAutoCommit(false);
        config.setReadOnly(readOnly);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(BORROW_TIMEOUT_MS);
        config.setValidationTimeout(2_000);
        // Store.open has already reached the server with a plain connection and said why when it could not.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
