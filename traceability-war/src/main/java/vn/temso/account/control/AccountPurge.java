package vn.temso.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.temso.platform.config.Settings;
import vn.temso.platform.persistence.DataSourceConfig;

/**
 * Deletes expired sessions and sign-in counters that no longer decide anything, one minute after start and then
 * every {@code temso.account.purge-interval-minutes} (default 60). Safe on every instance of a cluster at once:
 * each run is two idempotent DELETEs by time, so two instances deleting the same rows only find fewer to delete.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // deletes from session_token and login_failure
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountPurge {

    private static final Logger LOG = Logger.getLogger(AccountPurge.class.getName());

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long minutes = number("temso.account.purge-interval-minutes", 60);
        long windowHours = number("temso.login.failure-window-hours", 24);
        long knownDays = number("temso.login.known-address-days", 30);
        task = scheduler.scheduleWithFixedDelay(
                () -> run(Duration.ofHours(windowHours), Duration.ofDays(knownDays)),
                60,
                Math.max(1, minutes) * 60,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void run(Duration window, Duration known) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Purged p = purge(c, clock.instant(), window, known);
            if (p.sessions() + p.counters() > 0) {
                LOG.info(
                        () -> "Purged " + p.sessions() + " expired sessions and " + p.counters() + " sign-in counters");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired sessions and sign-in counters failed; retried next time", e);
        }
    }

    public record Purged(int sessions, int counters) {}

    /** Sessions expired before {@code now}; counters whose failures are forgotten and that hold no recent success. */
    public static Purged purge(Connection c, Instant now, Duration failureWindow, Duration knownAddress)
            throws SQLException {
        int sessions = LoginFailures.purgeSessions(c, now);
        int counters = LoginFailures.purge(c, now.minus(failureWindow), now.minus(knownAddress));
        return new Purged(sessions, counters);
    }

    private static long number(String key, long fallback) {
        try {
            return Long.parseLong(Settings.get(key, String.valueOf(fallback)).trim());
        } catch (NumberFormatException e) {
            LOG.warning(key + " is not a whole number; using " + fallback);
            return fallback;
        }
    }
}
