package dev.rampart.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's one connection, used by one transaction at a time. Enough for an embedded H2 file and for a
 * console on PostgreSQL; it also serialises this process's audit appends.
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

    SharedConnection(Opener opener, Connection first) throws SQLException {
        this(opener, first, () -> { });
    }

    /** {@code secret} is closed (a password cleared) when this closes. */
    SharedConnection(Opener opener, Connection first, AutoCloseable secret) throws SQLException {
        this.opener = opener;
        this.secret = secret;
        this.connection = first;
        first.setAutoCommit(false);
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(String what, Work<T> work) {
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
                throw new StoreException("Could not " + what + ": " + firstLine(e.getMessage()), e);
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

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeSecret();
            connection.close();
        } catch (SQLException e) {
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
                throw new StoreException("Could not " + what + ": the store cannot be reached: " + firstLine(e.getMessage()), e);
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
