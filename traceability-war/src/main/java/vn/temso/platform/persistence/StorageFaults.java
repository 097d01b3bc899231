package vn.temso.platform.persistence;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure of the storage underneath (database unreachable, disk full, database shut down) from a failure
 * of the request or the code. Decided on types and SQLStates along the cause chain, never on message text: a
 * storage fault is answered 503 and retried later (jobs pause), anything else keeps its own handling.
 */
public final class StorageFaults {

    /** PostgreSQL: insufficient resources (53xxx: disk full, out of memory, too many connections), operator intervention (57P0x). */
    private static final Set<String> PREFIXES = Set.of(
            "08",
            "53",
            "57P",
            "58",
            // Derby: log/data file I/O (XSLA*, XSDF*, XSDG*), database boot and shutdown (XJ040, XJ004, XJ015 seen by
            // a connection of a database that was shut down), container I/O (XSAI*, XSRS*)
            "XSLA",
            "XSDF",
            "XSDG",
            "XSAI",
            "XSRS",
            "XJ040",
            "XJ004",
            "XJ015",
            "40XD1",
            // a database that can only be read: Derby booted again on a full disk (25502), a PostgreSQL standby or
            // default_transaction_read_only (25006)
            "25502",
            "25006");

    private StorageFaults() {}

    public static boolean isStorageFault(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 32; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException s) {
                if (storageState(s.getSQLState())) {
                    return true;
                }
                for (SQLException next = s.getNextException(); next != null; next = next.getNextException()) {
                    if (storageState(next.getSQLState())) {
                        return true;
                    }
                }
            }
            // the pool could not hand out a connection (Jakarta Connectors); named so the WAR needs no connector API
            if (t.getClass().getName().startsWith("jakarta.resource.")) {
                return true;
            }
        }
        return false;
    }

    static boolean storageState(String state) {
        if (state == null) {
            return false;
        }
        for (String p : PREFIXES) {
            if (state.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
