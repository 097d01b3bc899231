package vn.temso.platform.persistence;

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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the {@link ChangeSignal} counter every {@code temso.cluster.poll-millis} (each instance polls for itself) and
 * bumps this instance's {@link PublicContent} generation when it moved. A managed scheduled executor, not an EJB
 * timer: Payara delivers EJB timers at most once a second whatever their interval, which made a change take up to
 * 1.1 s to show on another instance (measured by scripts/cluster/check-changes.sh).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeSignalPoller {

    private static final Logger LOG = Logger.getLogger(ChangeSignalPoller.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ChangeSignal signal;

    @Inject
    @ConfigProperty(name = "temso.cluster.poll-millis", defaultValue = "100")
    long pollMillis;

    private long seen = Long.MIN_VALUE;
    private int failuresInARow;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = Math.max(10, pollMillis);
        task = scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** A move of the counter since the last read means this or another instance changed something scans show. */
    private void poll() {
        try {
            long counter = signal.read();
            if (counter != seen) {
                if (seen != Long.MIN_VALUE) {
                    PublicContent.changed();
                }
                seen = counter;
            }
            if (failuresInARow > 0) {
                LOG.info(() -> "Reading the change signal works again after " + failuresInARow + " failures");
                failuresInARow = 0;
            }
        } catch (RuntimeException e) {
            // the database is down (scans fail too): say so once, then about once a minute
            if (failuresInARow++ == 0) {
                LOG.log(Level.WARNING, "Reading the change signal failed; retrying", e);
            } else if (failuresInARow % Math.max(1, 60_000 / Math.max(10, pollMillis)) == 0) {
                LOG.warning(() -> "Reading the change signal still fails (" + failuresInARow + " attempts): " + e);
            }
            PublicContent.changed(); // what is kept in memory may be stale by the time the database is back
        }
    }
}
