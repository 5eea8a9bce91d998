package dev.rampart.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How an opened store holds its connections, by kind of store and by whether its schema is this build's. */
final class StoreConnections {

    private StoreConnections() {
    }

    /**
     * An embedded H2 file on its one connection ({@code first}); a schema newer than this build's is reopened
     * read-only ({@code ACCESS_MODE_DATA=r}), so the file is never written by a release that does not know it.
     */
    static SharedConnection local(String jdbcUrl, StoreAddress address, StoreSecret secret,
                                  SharedConnection.Opener opener, Connection first, SchemaState schema)
            throws SQLException {
        if (schema.writable()) {
            return new SharedConnection(opener, first, secret);
        }
        first.close();
        String readOnlyUrl = jdbcUrl + ";ACCESS_MODE_DATA=r";
        SharedConnection.Opener readOnly = () -> DriverManager.getConnection(readOnlyUrl, secret.properties());
        return new SharedConnection(readOnly, readOnly.open(), secret, schema.writeProblem());
    }

    /**
     * A team store through a pool. An empty database is refused (only {@code rampart db migrate} makes a schema);
     * one whose schema is older or newer than this build's gets read-only connections.
     */
    static SharedConnection team(String jdbcUrl, StoreAddress address, StoreSecret secret, Connection first,
                                 SchemaState schema) throws SQLException {
        if (schema.kind() == SchemaState.Kind.EMPTY) {
            throw new StoreUnavailableException("The database at " + address.describe() + " has no Rampart schema"
                    + " yet. Run `rampart db migrate --db URL` once, as a login that may create tables (the"
                    + " migrator); consoles, the agent and the command line never change a team store's schema.");
        }
        first.close();
        return new SharedConnection(StorePool.open(jdbcUrl, secret, !schema.writable()), secret, schema.writeProblem());
    }
}
