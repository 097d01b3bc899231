package vn.temso.platform.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.platform.persistence.DataSourceConfig;

/**
 * Leases in the database decide which instance of a cluster works a job: the row of an issuing or print job (and
 * one {@code job_lease} row per cluster-wide periodic task) names its owner and until when the owner holds it. A
 * lease is taken with one conditional UPDATE (free, or run out), so of any number of instances exactly one wins;
 * the owner's heartbeat moves {@code lease_until} on while it works, and a dead owner (kill -9, lost host) simply
 * stops renewing, after which any instance's {@link JobSweeper} takes the job over. The job's own writes lock the
 * row and check the owner in their transaction, so an owner that lost its lease cannot commit another chunk.
 * Times are the instances' clocks (NTP keeps them within milliseconds; the lease is seconds).
 */
@ApplicationScoped
public class JobLeases {

    /** Tables whose rows carry a lease: named here, never taken from input. */
    public enum Kind {
        ISSUANCE("issuance_job", "RUNNING"),
        PRINT("print_job", "ISSUING", "PRINTING");

        final String table;
        final List<String> unfinished;

        Kind(String table, String... unfinished) {
            this.table = table;
            this.unfinished = List.of(unfinished);
        }
    }

    /** This process: host, pid and a random part, so a restarted process never passes for its former self. */
    private static final String INSTANCE = instanceName();

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** This bean through its proxy: a lease's heartbeat must renew in a transaction of its own. */
    @Inject
    JobLeases self;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "temso.jobs.lease-seconds", defaultValue = "15")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "temso.jobs.heartbeat-seconds", defaultValue = "5")
    int heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "temso.jobs.sweep-seconds", defaultValue = "5")
    int sweepSeconds;

    public static String instance() {
        return INSTANCE;
    }

    public Duration lease() {
        return Duration.ofSeconds(Math.max(2, leaseSeconds));
    }

    /** Heartbeats come at least three times per lease, whatever was configured. */
    public Duration heartbeat() {
        long lease = lease().toMillis();
        return Duration.ofMillis(Math.max(200, Math.min(heartbeatSeconds * 1000L, lease / 3)));
    }

    public Duration sweep() {
        return Duration.ofSeconds(Math.max(1, sweepSeconds));
    }

    /** Until when a job just created is kept for the instance that created it (its sweeper leaves it alone). */
    public Instant reservation() {
        return clock.instant().plus(lease());
    }

    /**
     * Takes the lease of a job row if it is free, reserved but not taken, or run out.
     *
     * @return the lease with its heartbeat running, or null when another live owner holds the job
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Lease take(Kind kind, String id) {
        String owner = newOwner();
        Instant now = clock.instant();
        int won = update(
                "UPDATE " + kind.table + " SET lease_owner = ?, lease_until = ? WHERE id = ?"
                        + " AND (lease_owner IS NULL OR lease_until IS NULL OR lease_until < ?)",
                owner,
                now.plus(lease()),
                id,
                now);
        return won == 1 ? new Lease(proxy(), kind.table, "id", id, owner) : null;
    }

    /**
     * Runs {@code body} under the job's lease, in the calling thread; does nothing when another live run (on any
     * instance) holds the job, or when the database is away (the reservation runs out and a sweeper starts the job
     * later). The lease is given back when {@code body} returns.
     */
    public void runLeased(Kind kind, String id, String what, Consumer<Lease> body) {
        Lease lease;
        try {
            lease = proxy().take(kind, id);
        } catch (RuntimeException e) {
            Logger.getLogger(JobLeases.class.getName())
                    .log(Level.WARNING, what + " could not be started now; the job sweeper retries it", e);
            return;
        }
        if (lease == null) {
            return;
        }
        try (lease) {
            body.accept(lease);
        }
    }

    /**
     * Ids of jobs in one of {@code statuses} whose lease ran out or was never taken (their owner died, or they
     * predate leases); reserved and live leases are left alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> orphans(Kind kind, List<String> statuses, int limit) {
        String marks = String.join(", ", statuses.stream().map(s -> "?").toList());
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT id FROM " + kind.table + " WHERE status IN (" + marks
                        + ") AND (lease_until IS NULL OR lease_until < ?) ORDER BY created_at")) {
            int i = 1;
            for (String s : statuses) {
                q.setString(i++, s);
            }
            q.setTimestamp(i, Timestamp.from(clock.instant()));
            q.setMaxRows(limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading jobs without a live lease failed: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the lease of a cluster-wide task ({@code job_lease} row, created on first use) if nobody holds it.
     *
     * @return the lease with its heartbeat running, or null when another instance holds the task
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Lease takeTask(String name) {
        String owner = newOwner();
        Instant now = clock.instant();
        String sql = "UPDATE job_lease SET lease_owner = ?, lease_until = ? WHERE name = ?"
                + " AND (lease_until IS NULL OR lease_until < ?)";
        int won = update(sql, owner, now.plus(lease()), name, now);
        if (won == 0 && !exists(name)) {
            try {
                update("INSERT INTO job_lease (name) VALUES (?)", name);
            } catch (IllegalStateException e) {
                return null; // created by another instance at the same moment: it will take it
            }
            won = update(sql, owner, now.plus(lease()), name, now);
        }
        return won == 1 ? new Lease(proxy(), "job_lease", "name", name, owner) : null;
    }

    /** Moves the lease on; false when the row has another owner now (taken over, or released by an operator). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(String table, String key, String id, String owner) {
        return update(
                        "UPDATE " + table + " SET lease_until = ? WHERE " + key + " = ? AND lease_owner = ?",
                        clock.instant().plus(lease()),
                        id,
                        owner)
                == 1;
    }

    /** Gives the lease up: free for any instance at once, or (task leases) held {@code hold} longer by nobody. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String table, String key, String id, String owner, Duration hold) {
        Instant until = hold.isZero() ? null : clock.instant().plus(hold);
        update(
                "UPDATE " + table + " SET lease_owner = NULL, lease_until = ? WHERE " + key
                        + " = ? AND lease_owner = ?",
                until,
                id,
                owner);
    }

    /** An unfinished job and who works it, for operators. */
    public record Leased(Kind kind, String id, String status, String owner, Instant leaseUntil) {}

    /** Unfinished jobs of every kind, oldest first, with their leases. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Leased> unfinished(int limit) {
        List<Leased> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            String marks =
                    String.join(", ", kind.unfinished.stream().map(s -> "?").toList());
            try (Connection c = dataSource.getConnection();
                    PreparedStatement q = c.prepareStatement("SELECT id, status, lease_owner, lease_until FROM "
                            + kind.table + " WHERE status IN (" + marks + ") ORDER BY created_at")) {
                for (int i = 0; i < kind.unfinished.size(); i++) {
                    q.setString(i + 1, kind.unfinished.get(i));
                }
                q.setMaxRows(limit);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        Timestamp until = r.getTimestamp(4);
                        all.add(new Leased(
                                kind,
                                r.getString(1),
                                r.getString(2),
                                r.getString(3),
                                until == null ? null : until.toInstant()));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading unfinished jobs failed: " + e.getMessage(), e);
            }
        }
        return all;
    }

    /**
     * Gives back every lease this process holds (a clean stop): other instances take the jobs over at their next
     * sweep instead of after the lease. Runs still working here are fenced out at their next chunk.
     *
     * @return leases given back
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseAll() {
        int n = 0;
        for (String table : List.of(Kind.ISSUANCE.table, Kind.PRINT.table, "job_lease")) {
            n += update(
                    "UPDATE " + table + " SET lease_owner = NULL, lease_until = NULL" + " WHERE SUBSTR(lease_owner, 1, "
                            + (INSTANCE.length() + 1) + ") = ?",
                    INSTANCE + "#");
        }
        return n;
    }

    /** The owner of a job row, for operators and tests (null when free). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String owner(Kind kind, String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT lease_owner FROM " + kind.table + " WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the owner of " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Hands a job to the next sweeper (an operator who knows its instance is gone, or a test): the owner loses the
     * lease at its next heartbeat or chunk and stops without committing more.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean handOver(Kind kind, String id) {
        return update("UPDATE " + kind.table + " SET lease_owner = NULL, lease_until = NULL WHERE id = ?", id) == 1;
    }

    private JobLeases proxy() {
        return self != null ? self : this;
    }

    ManagedScheduledExecutorService scheduler() {
        return scheduler;
    }

    private static String newOwner() {
        return INSTANCE + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    private boolean exists(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT 1 FROM job_lease WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading lease " + name + " failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement up = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Instant t) {
                    up.setTimestamp(i + 1, Timestamp.from(t));
                } else if (p == null) {
                    up.setNull(i + 1, java.sql.Types.TIMESTAMP);
                } else {
                    up.setString(i + 1, (String) p);
                }
            }
            return up.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Lease update failed: " + e.getMessage(), e);
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        if (host.length() > 60) {
            host = host.substring(0, 60);
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
