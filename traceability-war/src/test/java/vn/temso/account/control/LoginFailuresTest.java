package vn.temso.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.temso.account.control.LoginRules.Count;

/** The sign-in counters and the purge on a real Derby database with the real schema (changelog 012). */
class LoginFailuresTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(365));
    private String url;

    @BeforeEach
    void migrate() throws Exception {
        url = "jdbc:derby:memory:login-" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(url + ";create=true")) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            new Liquibase(
                            "db/changelog/db.changelog-master.xml",
                            new ClassLoaderResourceAccessor(getClass().getClassLoader()),
                            database)
                    .update("");
        }
    }

    @Test
    void shouldCountEveryFailureWhenManyArriveAtOnce() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                all.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url)) {
                        for (int i = 0; i < each; i++) {
                            LoginFailures.fail(c, "tantru.quanly", "203.0.113.9", Instant.now(), LONG_AGO);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(
                    threads * each,
                    LoginFailures.read(c, "tantru.quanly", "203.0.113.9").failures());
        }
    }

    @Test
    void shouldStartAgainAfterASuccessOrAfterTheWindow() throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            for (int i = 0; i < 3; i++) {
                LoginFailures.fail(c, "u", "a", NOW, LONG_AGO);
            }
            assertEquals(new Count(3, NOW, null), LoginFailures.read(c, "u", "a"));
            LoginFailures.succeed(c, "u", "a", NOW.plusSeconds(1));
            assertEquals(new Count(0, NOW, NOW.plusSeconds(1)), LoginFailures.read(c, "u", "a"));
            LoginFailures.fail(c, "u", "b", NOW, LONG_AGO);
            Instant nextDay = NOW.plus(Duration.ofHours(25));
            LoginFailures.fail(c, "u", "b", nextDay, nextDay.minus(Duration.ofHours(24)));
            assertEquals(1, LoginFailures.read(c, "u", "b").failures(), "a failure from yesterday is forgotten");
        }
    }

    @Test
    void shouldPurgeExpiredSessionsAndCountersThatNoLongerDecideAnything() throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (id, username, password_hash, role, enabled, created_at, version)"
                    + " VALUES ('u1', 'thu', 'x', 'ADMIN', TRUE, CURRENT_TIMESTAMP, 0)");
            session(c, "expired", NOW.minusSeconds(1));
            session(c, "live", NOW.plusSeconds(60));
            LoginFailures.fail(c, "old-failures", "a", NOW.minus(Duration.ofHours(25)), LONG_AGO);
            LoginFailures.fail(c, "recent-failures", "a", NOW.minus(Duration.ofHours(23)), LONG_AGO);
            LoginFailures.succeed(c, "usual-address", "a", NOW.minus(Duration.ofDays(29)));
            LoginFailures.succeed(c, "forgotten-address", "a", NOW.minus(Duration.ofDays(31)));

            AccountPurge.Purged p = AccountPurge.purge(c, NOW, Duration.ofHours(24), Duration.ofDays(30));

            assertEquals(new AccountPurge.Purged(1, 2), p);
            assertEquals(List.of("live"), column(s, "SELECT token_hash FROM session_token"));
            assertEquals(
                    List.of("recent-failures", "usual-address"),
                    column(s, "SELECT login_key FROM login_failure ORDER BY login_key"));
        }
    }

    private static void session(Connection c, String hash, Instant expires) throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO session_token (token_hash, user_id, created_at,"
                + " expires_at) VALUES (?, 'u1', ?, ?)")) {
            p.setString(1, hash);
            p.setTimestamp(2, Timestamp.from(NOW.minus(Duration.ofHours(9))));
            p.setTimestamp(3, Timestamp.from(expires));
            p.executeUpdate();
        }
    }

    private static List<String> column(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
