package vn.temso.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the {@link ChangeSignal} counter every {@code temso.cluster.poll-millis} (non-persistent EJB timer: each
 * instance polls for itself) and bumps this instance's {@link PublicContent} generation when it moved.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeSignalPoller {

    private static final Logger LOG = Logger.getLogger(ChangeSignalPoller.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ChangeSignal signal;

    @Inject
    @ConfigProperty(name = "temso.cluster.poll-millis", defaultValue = "250")
    long pollMillis;

    private long seen = Long.MIN_VALUE;
    private int failuresInARow;

    @PostConstruct
    void start() {
        long every = Math.max(10, pollMillis);
        timers.createIntervalTimer(every, every, new TimerConfig("change-signal", false));
    }

    /** A move of the counter since the last read means this or another instance changed something scans show. */
    @Timeout
    void poll() {
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
                PublicContent.changed(); // what is kept in memory may be stale now that the database is back
            }
        } catch (RuntimeException e) {
            // the database is down (scans fail too): say so once, then about once a minute
            if (failuresInARow++ == 0) {
                LOG.log(Level.WARNING, "Reading the change signal failed; retrying", e);
            } else if (failuresInARow % Math.max(1, 60_000 / Math.max(10, pollMillis)) == 0) {
                LOG.warning(() -> "Reading the change signal still fails (" + failuresInARow + " attempts): " + e);
            }
            // what is in memory stays in use while the database cannot be read (trace pages of stamps seen lately keep
            // answering; readiness is DOWN, so a load balancer sends no new work here): nothing can change in a
            // database nobody reaches, and a change made meanwhile by an instance that still reached it moved the
            // counter, read at the first success. Caches are dropped then, as after any change.
        }
    }
}
