package vn.temso.account.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import vn.temso.account.control.LoginRules.Count;

/**
 * The failure counters in table {@code login_failure}, one row per (username, client key); the client key
 * {@link #ANY_ADDRESS} holds the username's count over all addresses. Plain SQL that Derby and PostgreSQL both
 * run. Every change is one atomic UPDATE ({@code failures = failures + 1}), so parallel failures are all counted on
 * every instance of a cluster; the row is inserted by the first failure, and an insert that loses a race with
 * another instance's falls back to the update.
 */
public final class LoginFailures {

    /** The client key of the per-username row. Not a possible address key. */
    public static final String ANY_ADDRESS = "*";

    private static final String DUPLICATE_KEY = "23505";

    private LoginFailures() {}

    public static Count read(Connection c, String loginKey, String clientKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT failures, last_failure_at, last_success_at"
                + " FROM login_failure WHERE login_key = ? AND client_key = ?")) {
            s.setString(1, loginKey);
            s.setString(2, clientKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? new Count(r.getInt(1), instant(r.getTimestamp(2)), instant(r.getTimestamp(3)))
                        : Count.NONE;
            }
        }
    }

    /** Counts one failure; a count whose last failure is older than {@code forgetBefore} starts again at 1. */
    public static void fail(Connection c, String loginKey, String clientKey, Instant now, Instant forgetBefore)
            throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (PreparedStatement s = c.prepareStatement("UPDATE login_failure SET failures = CASE WHEN"
                    + " last_failure_at IS NULL OR last_failure_at < ? THEN 1 ELSE failures + 1 END, last_failure_at = ?"
                    + " WHERE login_key = ? AND client_key = ?")) {
                s.setTimestamp(1, Timestamp.from(forgetBefore));
                s.setTimestamp(2, Timestamp.from(now));
                s.setString(3, loginKey);
                s.setString(4, clientKey);
                if (s.executeUpdate() > 0) {
                    return;
                }
            }
            if (insert(c, loginKey, clientKey, 1, now, null)) {
                return;
            }
        }
        throw new SQLException("login_failure row " + loginKey + "/" + clientKey + " neither updated nor inserted");
    }

    /** A success from this address: its count starts again, and the address is remembered as the user's. */
    public static void succeed(Connection c, String loginKey, String clientKey, Instant now) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (PreparedStatement s = c.prepareStatement("UPDATE login_failure SET failures = 0, last_success_at = ?"
                    + " WHERE login_key = ? AND client_key = ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setString(2, loginKey);
                s.setString(3, clientKey);
                if (s.executeUpdate() > 0) {
                    return;
                }
            }
            if (insert(c, loginKey, clientKey, 0, null, now)) {
                return;
            }
        }
    }

    /**
     * Deletes counters that no longer decide anything: last failure before {@code failuresBefore} (forgotten
     * anyway) and no success since {@code successesBefore}. Returns the number of rows deleted.
     */
    public static int purge(Connection c, Instant failuresBefore, Instant successesBefore) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM login_failure"
                + " WHERE (last_failure_at IS NULL OR last_failure_at < ?)"
                + " AND (last_success_at IS NULL OR last_success_at < ?)")) {
            s.setTimestamp(1, Timestamp.from(failuresBefore));
            s.setTimestamp(2, Timestamp.from(successesBefore));
            return s.executeUpdate();
        }
    }

    /** Deletes sessions that expired before {@code now}; returns how many. */
    public static int purgeSessions(Connection c, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM session_token WHERE expires_at < ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            return s.executeUpdate();
        }
    }

    private static boolean insert(
            Connection c, String loginKey, String clientKey, int failures, Instant failedAt, Instant succeededAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO login_failure (login_key, client_key, failures,"
                + " last_failure_at, last_success_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, loginKey);
            s.setString(2, clientKey);
            s.setInt(3, failures);
            s.setTimestamp(4, failedAt == null ? null : Timestamp.from(failedAt));
            s.setTimestamp(5, succeededAt == null ? null : Timestamp.from(succeededAt));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false; // another request inserted it first: update that row instead
            }
            throw e;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
