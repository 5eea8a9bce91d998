package dev.rampart.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the store's transactions run. An embedded H2 file: one connection, used by one transaction at a time (it
 * also serialises this process's audit appends). A team store: a pool ({@link StorePool}) that replaces connections
 * a restarted server closed; appends are serialised by the chain head's row lock, as across processes.
 */
final class SharedConnection implements AutoCloseable {

    /** Work done inside one transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Opens a new JDBC connection to the store. */
    interface Opener {
        Connection open() throws SQLException;
    }

    // Never lockInterruptibly: a thread interrupted inside H2 can damage the file, so nothing here reacts to interrupts.
    private final ReentrantLock lock = new ReentrantLock();
    private final Opener opener;
    private Connection connection;
    private boolean suspect;
    private boolean closed;

    private final AutoCloseable secret;
    private volatile java.util.function.Consumer<dev.rampart.domain.rollout.AuditEvent> headMoved = e -> { };
    private final DataSource pool;
    private final String writeProblem;

    SharedConnection(Opener opener, Connection first) throws SQLException {
        this(opener, first, () -> { });
    }

    /**
     * A pooled store. {@code writeProblem} non-null: the schema is not this build's, connections are read-only and a
     * refused write says this.
     */
    SharedConnection(DataSource pool, AutoCloseable secret, String writeProblem) {
        this.opener = null;
        this.connection = null;
        this.pool = pool;
        this.secret = secret;
        this.writeProblem = writeProblem;
    }

    /** One embedded connection opened read-only ({@code ACCESS_MODE_DATA=r}) because of {@code writeProblem}. */
    SharedConnection(Opener opener, Connection first, AutoCloseable secret, String writeProblem) throws SQLException {
        this.opener = opener;
        this.secret = secret;
        this.connection = first;
        this.pool = null;
        this.writeProblem = writeProblem;
        first.setAutoCommit(false);
    }

    /** {@code secret} is closed (a password cleared) when this closes. */
    SharedConnection(Opener opener, Connection first, AutoCloseable secret) throws SQLException {
        this(opener, first, secret, null);
    }

    /** Why nothing may be written (the schema is not this build's); null when writes are allowed. */
    String writeProblem() {
        return writeProblem;
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(String what, Work<T> work) {
        if (pool != null) {
            return pooled(what, work);
        }
        lock.lock();
        try {
            Connection c = usableConnection(what);
            Appended.take();
            try {
                T result = work.run(c);
                c.commit();
                dev.rampart.domain.rollout.AuditEvent head = Appended.take();
                if (head != null) {
                    tellHeadMoved(head);
                }
                return result;
            } catch (SQLException e) {
                Appended.take();
                rollback(c, e);
                suspect = true;
                throw failure(what, e);
            } catch (RuntimeException | Error e) {
                Appended.take();
                rollback(c, e);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Committed is committed: a listener that fails must not make the caller think the transaction failed. */
    private void tellHeadMoved(dev.rampart.domain.rollout.AuditEvent head) {
        try {
            headMoved.accept(head);
        } catch (RuntimeException e) {
            System.getLogger(SharedConnection.class.getName()).log(System.Logger.Level.WARNING,
                    "A chain head listener failed: " + e);
        }
    }

    /** Told the newest event after every commit that appended to the chain (a witness checkpoints it). */
    void onHeadMoved(java.util.function.Consumer<dev.rampart.domain.rollout.AuditEvent> listener) {
        this.headMoved = listener == null ? e -> { } : listener;
    }

    private <T> T pooled(String what, Work<T> work) {
        if (closed) {
            throw new IllegalStateException("The store is closed; cannot " + what);
        }
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw failure(what, e);
        }
        T result;
        dev.rampart.domain.rollout.AuditEvent head;
        Appended.take();
        try {
            result = work.run(c);
            c.commit();
            head = Appended.take();
        } catch (SQLException e) {
            Appended.take();
            rollback(c, e);
            throw failure(what, e);
        } catch (RuntimeException | Error e) {
            Appended.take();
            rollback(c, e);
            throw e;
        } finally {
            closeQuietly(c); // back to the pool; a connection the server closed is evicted by the pool
        }
        if (head != null) {
            tellHeadMoved(head); // with the connection back in the pool: a witness may read the chain
        }
        return result;
    }

    /** A failed transaction as a sentence: an unreachable store, a lock or statement time-out, a refused write. */
    private StoreException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof java.sql.SQLTransientConnectionException || state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new StoreUnreachableException("Could not " + what + ": the store cannot be reached ("
                    + StoreAddress.masked(firstLine(e.getMessage())) + "). Nothing was changed.", e);
        }
        if (state.equals("55P03")) {
            return new StoreException("Could not " + what + ": another session held a lock on it for more than "
                    + StorePool.LOCK_TIMEOUT_MS / 1000 + " s. Nothing was changed; try again.", e);
        }
        if (state.equals("57014")) {
            return new StoreException("Could not " + what + ": the store took longer than "
                    + StorePool.STATEMENT_TIMEOUT_MS / 1000 + " s and the statement was cancelled. Nothing was changed.", e);
        }
        boolean readOnly = state.equals("25006") || e.getErrorCode() == H2_DATABASE_IS_READ_ONLY;
        if (readOnly && writeProblem != null) {
            return new StoreException("Could not " + what + ": " + writeProblem, e);
        }
        return new StoreException("Could not " + what + ": " + firstLine(e.getMessage()), e);
    }

    /** org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY. */
    private static final int H2_DATABASE_IS_READ_ONLY = 90097;

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeSecret();
            if (pool instanceof AutoCloseable closeable) {
                closeable.close();
            } else {
                connection.close();
            }
        } catch (Exception e) {
            throw new StoreException("Could not close the store cleanly: " + firstLine(e.getMessage()), e);
        } finally {
            lock.unlock();
        }
    }

    /** After a failure, a connection that no longer answers (a restarted server) is replaced. */
    private Connection usableConnection(String what) {
        if (closed) {
            throw new IllegalStateException("The store is closed; cannot " + what);
        }
        if (suspect) {
            try {
                if (!connection.isValid(2)) {
                    closeQuietly(connection);
                    connection = opener.open();
                    connection.setAutoCommit(false);
                }
                suspect = false;
            } catch (SQLException e) {
                throw new StoreUnreachableException("Could not " + what + ": the store cannot be reached: "
                        + firstLine(e.getMessage()), e);
            }
        }
        return connection;
    }

    private void closeSecret() {
        try {
            secret.close();
        } catch (Exception ignored) {
            // clearing an array does not fail
        }
    }

    private static void rollback(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // it is being replaced because it is broken
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail given";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        // H2 appends the statement after this marker; a person needs the reason, not our SQL.
        int statement = line.indexOf("; SQL statement:");
        return statement < 0 ? line : line.substring(0, statement);
    }
}
