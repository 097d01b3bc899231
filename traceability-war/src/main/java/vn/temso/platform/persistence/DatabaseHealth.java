package vn.temso.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * /health/ready is DOWN while the database cannot <em>write</em>, so a load balancer stops sending work: a database
 * that still answers reads with a full disk (embedded Derby does) would otherwise stay in rotation and fail every
 * sign-in and every write. The probe updates this instance's row of {@code storage_probe} in its own transaction
 * with a short timeout; with embedded Derby it also wants {@code temso.storage.min-free-mb} free in the data
 * directory, because Derby keeps rewriting existing pages (the probe's row included) on a full disk while every
 * write that needs a new page fails. One probe a second at most: a load balancer checking twice a second, or
 * several of them, share the last answer.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());
    static final long PROBE_EVERY_NANOS = 1_000_000_000L;
    static final int TIMEOUT_SECONDS = 2;
    private static final long PURGE_EVERY_NANOS = 3_600_000_000_000L;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "temso.storage.min-free-mb", defaultValue = "64")
    long minFreeMb;

    @Inject
    @ConfigProperty(name = "temso.storage.derby-exit-after-seconds", defaultValue = "120")
    long exitAfterSeconds;

    /** Exit status when embedded Derby cannot write again by itself: a supervisor (systemd) restarts the process. */
    public static final int EXIT_STORAGE = 75; // EX_TEMPFAIL of sysexits.h

    static final long REBOOT_EVERY_NANOS = 10_000_000_000L;
    private long rebootedNanos = System.nanoTime() - REBOOT_EVERY_NANOS;
    /** Since when embedded Derby has refused writes although the disk has room (0: it has not). */
    private long stuckSinceNanos;

    private boolean exiting;

    /** This instance's row; a new one each start (rows of instances gone for a day are purged). */
    private final String probeId = UUID.randomUUID().toString();

    private volatile Probe last;
    private long purgedNanos = System.nanoTime() - PURGE_EVERY_NANOS;

    /** One probe's outcome: {@code error} is null when the database took the write. */
    record Probe(long atNanos, String product, String error, long freeMb, long writeMillis, boolean storageFault) {
        Probe(long atNanos, String product, String error, long freeMb, long writeMillis) {
            this(atNanos, product, error, freeMb, writeMillis, false);
        }

        boolean up() {
            return error == null;
        }
    }

    @Override
    public HealthCheckResponse call() {
        Probe p = current();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("database").status(p.up());
        if (p.product() != null) {
            b.withData("product", p.product());
        }
        if (p.freeMb() >= 0) {
            b.withData("freeMb", p.freeMb());
        }
        if (p.up()) {
            b.withData("writeMillis", p.writeMillis());
        } else {
            b.withData("error", p.error());
        }
        return b.build();
    }

    /** Whether the last probe (at most a second old) found the database writable: for code that wants to know. */
    public boolean writable() {
        return current().up();
    }

    /** The last probe, or a new one when it is a second old (package-private for tests). */
    Probe current() {
        Probe p = last;
        if (p != null && System.nanoTime() - p.atNanos() < PROBE_EVERY_NANOS) {
            return p;
        }
        synchronized (this) { // callers that arrive during a probe wait for its answer instead of probing again
            p = last;
            if (p == null || System.nanoTime() - p.atNanos() >= PROBE_EVERY_NANOS) {
                Probe before = p;
                p = probe();
                last = p;
                logChange(before, p);
            }
            return p;
        }
    }

    private Probe probe() {
        long t0 = System.nanoTime();
        long freeMb = -1;
        if (DerbyLifecycle.usesDerby()) {
            try {
                freeMb = Files.getFileStore(DerbyLifecycle.dataDirectory()).getUsableSpace() >> 20;
            } catch (IOException | RuntimeException e) {
                return new Probe(t0, null, "data directory unreadable: " + e, -1, 0);
            }
            if (freeMb < minFreeMb) {
                stuckSinceNanos = 0; // waiting for space, not stuck
                return new Probe(
                        t0,
                        "Apache Derby",
                        "disk space: " + freeMb + " MB free in the data directory, " + minFreeMb
                                + " MB wanted (temso.storage.min-free-mb)",
                        freeMb,
                        0);
            }
        }
        Probe p = write(t0, freeMb);
        if (freeMb >= 0) {
            derbyRecovery(p);
        }
        return p;
    }

    /**
     * Embedded Derby with room on the disk that still refuses the write: it was booted again while the disk was full
     * and is read-only until booted once more. Stop the database (the next connection boots it), at most every 10 s;
     * when that has not helped for {@code temso.storage.derby-exit-after-seconds}, say so and exit with
     * {@link #EXIT_STORAGE} for the supervisor to start the process again (no data is lost: Derby recovers its log).
     */
    private void derbyRecovery(Probe p) {
        if (p.up() || !p.storageFault()) {
            stuckSinceNanos = 0;
            return;
        }
        long now = System.nanoTime();
        if (stuckSinceNanos == 0) {
            stuckSinceNanos = now;
        }
        if (now - rebootedNanos >= REBOOT_EVERY_NANOS) {
            rebootedNanos = now;
            LOG.warning("Embedded Derby refuses writes although the data directory has " + p.freeMb() + " MB free ("
                    + p.error() + "): stopping the database so that it boots again");
            DerbyLifecycle.restartDatabase();
        }
        if (exitAfterSeconds > 0 && now - stuckSinceNanos > exitAfterSeconds * 1_000_000_000L && !exiting) {
            exiting = true;
            LOG.severe("Embedded Derby has refused writes for " + exitAfterSeconds + " s with room on the disk and"
                    + " booting the database again did not help: exiting with status " + EXIT_STORAGE
                    + " so that the supervisor starts the service again (temso.storage.derby-exit-after-seconds)");
            // not from this thread: System.exit waits for the shutdown hooks, which stop the container running it
            Thread exit = new Thread(() -> System.exit(EXIT_STORAGE), "temso-storage-exit");
            exit.setDaemon(true);
            exit.start();
        }
    }

    private Probe write(long t0, long freeMb) {
        String product = null;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                touchRow(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            return new Probe(t0, product, null, freeMb, (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Storage probe failed", e);
            return new Probe(t0, product, describe(e), freeMb, 0, StorageFaults.isStorageFault(e));
        }
    }

    private void touchRow(Connection c) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE storage_probe SET probed_at = ? WHERE id = ?")) {
            ps.setQueryTimeout(TIMEOUT_SECONDS);
            ps.setTimestamp(1, now);
            ps.setString(2, probeId);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO storage_probe (id, probed_at) VALUES (?, ?)")) {
                ps.setQueryTimeout(TIMEOUT_SECONDS);
                ps.setString(1, probeId);
                ps.setTimestamp(2, now);
                ps.executeUpdate();
            }
        }
        if (System.nanoTime() - purgedNanos > PURGE_EVERY_NANOS) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM storage_probe WHERE probed_at < ?")) {
                ps.setQueryTimeout(TIMEOUT_SECONDS);
                ps.setTimestamp(1, Timestamp.from(clock.instant().minus(1, ChronoUnit.DAYS)));
                ps.executeUpdate();
            }
            purgedNanos = System.nanoTime();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the connection is broken anyway; the pool's validation drops it
        }
    }

    /** The innermost SQLState and message: what an operator needs to tell "disk full" from "server gone". */
    static String describe(Throwable e) {
        Throwable root = e;
        String state = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                state = s.getSQLState();
            }
            root = t;
            if (t.getCause() == t) {
                break;
            }
        }
        return (StorageFaults.isStorageFault(e) ? "storage fault" : "failure")
                + (state == null ? "" : " (SQLState " + state + ")") + ": " + root;
    }

    private static void logChange(Probe before, Probe now) {
        if (now.up() && before != null && !before.up()) {
            LOG.info("Storage works again: the database took a write; readiness is UP");
        } else if (!now.up() && (before == null || before.up())) {
            LOG.warning("Storage cannot be written; readiness is DOWN until it can: " + now.error());
        }
    }
}
