package dev.rampart.store;

import java.sql.SQLException;

/** Turns the reasons a store cannot be opened into sentences a person can act on. */
final class OpenFailures {

    // H2 error codes (org.h2.api.ErrorCode), named here so the store does not depend on H2's API.
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_DATABASE_NOT_FOUND = 90146;
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_IO_EXCEPTION_2 = 90031;
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;

    private OpenFailures() {
    }

    static StoreUnavailableException of(SQLException e, StoreAddress address) {
        String where = address.describe();
        String reason = StoreAddress.masked(SharedConnection.firstLine(e.getMessage()));
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (address.isH2()) {
            switch (e.getErrorCode()) {
                case H2_DATABASE_ALREADY_OPEN:
                    return new StoreInUseException("The Rampart store " + where + " is in use by another Rampart"
                            + " process. Close it, or use --db to open another store.", e);
                case H2_FILE_CORRUPTED:
                    return new StoreUnavailableException("The Rampart store " + where + " is damaged and cannot be"
                            + " opened. Restore it from a backup, or use --db to open another store.", e);
                case H2_FILE_VERSION_ERROR:
                    return new StoreUnavailableException("The Rampart store " + where + " was written by a different"
                            + " version of the H2 database and cannot be opened by this Rampart.", e);
                case H2_DATABASE_NOT_FOUND:
                    return new StoreUnavailableException("There is no Rampart store at " + where + ".", e);
                case H2_IO_EXCEPTION:
                case H2_IO_EXCEPTION_2:
                    return new StoreUnavailableException("The Rampart store " + where + " cannot be read or written."
                            + " Check that its folder exists and is writable, and that the disk is not full.", e);
                case H2_WRONG_USER_OR_PASSWORD:
                    return new StoreUnavailableException("The Rampart store " + where + " refused the user name or"
                            + " password given in the --db URL.", e);
                default:
                    break;
            }
        }
        if (state.startsWith("28")) {
            return new StoreUnavailableException("The database at " + where + " refused the user name or password.", e);
        }
        if (state.equals("3D000")) {
            return new StoreUnavailableException("The database named in " + where + " does not exist. Create it"
                    + " first (an empty database is enough: Rampart creates its tables).", e);
        }
        if (reason.startsWith("No suitable driver")) {
            return new StoreUnavailableException(where + " is not a store Rampart can open: use jdbc:h2:file:PATH"
                    + " or jdbc:postgresql://HOST/DATABASE.", e);
        }
        if (state.startsWith("08") || state.equals("57P03")) {
            return new StoreUnreachableException("The database server of " + where + " cannot be reached: "
                    + reason, e);
        }
        return new StoreUnavailableException("The Rampart store " + where + " cannot be opened: " + reason, e);
    }
}
