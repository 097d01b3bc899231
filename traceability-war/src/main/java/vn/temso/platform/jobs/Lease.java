package vn.temso.platform.jobs;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.platform.persistence.StorageFaults;

/**
 * A lease held by this instance on one job row or task row, renewed by a heartbeat until released. When a renewal
 * finds another owner, the lease is {@link #lost()} and the work must stop without committing more (its commits check
 * the owner in their own transaction anyway). A renewal that fails because the database cannot write leaves the lease
 * as it is: if the outage outlasts the lease, another instance may take the job once the database is back, and this
 * one then finds out at its next renewal or chunk.
 */
public final class Lease implements AutoCloseable {

    /** The work noticed that another instance now owns its job; it stops and commits nothing more. */
    public static final class Lost extends RuntimeException {
        public Lost(String what) {
            super(what + " was taken over by another run; this one stops");
        }
    }

    private static final Logger LOG = Logger.getLogger(Lease.class.getName());

    private final JobLeases leases;
    private final String table;
    private final String key;
    private final String id;
    private final String owner;
    private final ScheduledFuture<?> heartbeat;
    private volatile boolean lost;
    private volatile boolean released;
    private volatile boolean renewalFailing;

    Lease(JobLeases leases, String table, String key, String id, String owner) {
        this.leases = leases;
        this.table = table;
        this.key = key;
        this.id = id;
        this.owner = owner;
        long every = leases.heartbeat().toMillis();
        this.heartbeat = leases.scheduler().scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    public String owner() {
        return owner;
    }

    public String id() {
        return id;
    }

    public boolean lost() {
        return lost;
    }

    /** @throws Lost when another run owns the job now */
    public void check() {
        if (lost) {
            throw new Lost(table + " " + id);
        }
    }

    /** Marks the lease lost after a fenced write found another owner. */
    public void markLost() {
        lost = true;
        heartbeat.cancel(false);
    }

    private void renew() {
        if (released || lost) {
            return;
        }
        try {
            if (!leases.renew(table, key, id, owner)) {
                LOG.warning(() -> "Lease on " + table + " " + id + " was taken over; this run stops");
                markLost();
            } else if (renewalFailing) {
                renewalFailing = false;
                LOG.info(() -> "Lease on " + table + " " + id + " renewed again");
            }
        } catch (RuntimeException e) {
            if (!renewalFailing) { // logged once per outage, not every heartbeat
                renewalFailing = true;
                LOG.log(
                        StorageFaults.isStorageFault(e) ? Level.WARNING : Level.SEVERE,
                        "Lease on " + table + " " + id + " could not be renewed; retrying: " + e.getMessage());
            }
        }
    }

    /** Stops the heartbeat and frees the row for any instance at once. */
    @Override
    public void close() {
        release(Duration.ZERO);
    }

    /** Stops the heartbeat; the row stays unavailable to everybody for {@code hold} (a task that ran this period). */
    public void release(Duration hold) {
        if (released) {
            return;
        }
        released = true;
        heartbeat.cancel(false);
        if (lost) {
            return;
        }
        try {
            leases.release(table, key, id, owner, hold);
        } catch (RuntimeException e) {
            // the database is away: the lease runs out by itself
            LOG.fine(() -> "Releasing lease on " + table + " " + id + " failed: " + e.getMessage());
        }
    }
}
