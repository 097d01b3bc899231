package vn.temso.platform.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.platform.lifecycle.ShutdownDrain;
import vn.temso.platform.persistence.StorageFaults;

/**
 * On every instance, every {@code temso.jobs.sweep-seconds}: unfinished jobs whose lease ran out (their instance
 * died or stopped) or was never taken are taken over with the conditional UPDATE of {@link JobLeases#take} (one
 * instance wins each) and resumed from their last committed chunk. This is also how jobs resume after a restart.
 */
@Singleton
@Startup
@DependsOn("Bootstrap") // after the schema and the signing key exist
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobSweeper {

    private static final Logger LOG = Logger.getLogger(JobSweeper.class.getName());
    private static final int PER_SWEEP = 20;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    JobLeases leases;

    @Inject
    @Any
    Instance<LeasedJobs> kinds;

    @Inject
    ShutdownDrain drain;

    private ScheduledFuture<?> task;
    private volatile boolean failing;
    private final Thread giveBack = new Thread(this::releaseAll, "temso-job-leases-give-back");

    @PostConstruct
    void start() {
        long every = leases.sweep().toMillis();
        LOG.info(() -> "Job leases: instance " + JobLeases.instance() + ", lease "
                + leases.lease().toSeconds() + " s, heartbeat "
                + leases.heartbeat().toMillis() + " ms, sweep every " + every + " ms");
        task = scheduler.scheduleWithFixedDelay(this::sweep, Math.min(1000, every), every, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(giveBack);
    }

    /** Undeployed without a JVM exit (tests, redeploys): the leases are given back here instead. */
    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(giveBack);
        } catch (IllegalStateException e) {
            return; // the JVM is exiting: the hook does it
        }
        releaseAll();
    }

    /**
     * A clean stop (SIGTERM, after the drain) gives this instance's leases back, so other instances continue its
     * jobs at their next sweep instead of after the lease: Payara's own shutdown does not wait for running jobs. The
     * hook runs beside Payara's; one UPDATE per table on a pooled connection is done before the pool closes, and if
     * not, the leases run out by themselves.
     */
    private void releaseAll() {
        try {
            int n = leases.releaseAll();
            if (n > 0) {
                LOG.info(() -> "Stopping: gave back " + n + " job lease(s); other instances continue those jobs");
            }
        } catch (RuntimeException e) {
            LOG.info(() -> "Stopping: job leases not given back (" + e.getMessage() + "); they run out by themselves");
        }
    }

    /**
     * SIGTERM: the leases go back at the start of the drain, in the container's context (the shutdown hook below is
     * only a fallback: at JVM exit it has no transaction context and failed). A job still running here stops at its
     * next chunk (its commit checks the owner), and another instance continues it at its next sweep.
     */
    public void onDraining(@Observes ShutdownDrain.Draining draining) {
        releaseAll();
    }

    /** Never throws: an exception would end a fixed-delay schedule for good. */
    void sweep() {
        try {
            if (drain.draining()) {
                return; // stopping: what this instance took now would only be handed back at shutdown
            }
        } catch (RuntimeException e) {
            return; // the EJB container is still starting: the next sweep
        }
        try {
            for (LeasedJobs jobs : kinds) {
                for (String id : leases.orphans(jobs.kind(), jobs.unfinished(), PER_SWEEP)) {
                    Lease lease = leases.take(jobs.kind(), id);
                    if (lease != null) {
                        LOG.info(() -> "Taking over " + jobs.kind() + " job " + id + " (lease " + lease.owner() + ")");
                        try {
                            jobs.resume(id, lease);
                        } catch (RuntimeException e) {
                            lease.close(); // not started: free it for the next sweep
                            throw e;
                        }
                    }
                }
            }
            if (failing) {
                failing = false;
                LOG.info("Job sweeper reads the database again");
            }
        } catch (RuntimeException e) {
            if (!failing) { // once per outage
                failing = true;
                LOG.log(
                        StorageFaults.isStorageFault(e) ? Level.WARNING : Level.SEVERE,
                        "Job sweep failed; retried every " + leases.sweep().toSeconds() + " s: " + e.getMessage());
            }
        }
    }
}
