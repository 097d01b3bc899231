package vn.temso.trace.control;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.platform.jobs.JobLeases;
import vn.temso.platform.jobs.Lease;
import vn.temso.platform.time.FarmTime;

/**
 * Rolls each Vietnamese day's stamps and scans up into {@code stamp_day} once the day is over, a minute after start
 * and every five minutes, on one instance of the cluster (the {@code stamp-rollup} task lease). A first run over an
 * existing history catches up day by day (each day its own transaction), so it may be stopped at any point.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // stamp_day, stamp_rollup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StampRollup {

    /** How long after midnight a day is rolled up: scans reach their table within a second of being made. */
    static final Duration SETTLE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(StampRollup.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    JobLeases leases;

    @Inject
    StampDays days;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::run, 60, 300, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** The last Vietnamese day that is over (and settled) at {@code now}. */
    static LocalDate lastClosedDay(Instant now) {
        return FarmTime.dateOf(now.minus(SETTLE)).minusDays(1);
    }

    private void run() {
        Lease lease;
        try {
            lease = leases.takeTask("stamp-rollup");
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The stamp rollup could not take its lease; retried in five minutes: " + e.getMessage());
            return;
        }
        if (lease == null) {
            return;
        }
        try (lease) {
            int n = catchUp(lease);
            if (n > 1) {
                LOG.info(() -> "Rolled up the stamps and scans of " + n + " days");
            }
            lease.release(Duration.ofMinutes(4));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rolling up stamps and scans failed; retried in five minutes", e);
        }
    }

    /** Rolls up every closed day not done yet; a first run starts at the first stamp ever (or yesterday). */
    int catchUp(Lease lease) {
        LocalDate closed = lastClosedDay(clock.instant());
        LocalDate next = days.doneThrough()
                .map(d -> d.plusDays(1))
                .orElseGet(() -> days.firstDay().filter(d -> d.isBefore(closed)).orElse(closed));
        int n = 0;
        for (LocalDate d = next; !d.isAfter(closed) && !lease.lost(); d = d.plusDays(1)) {
            days.rollUp(d);
            n++;
        }
        return n;
    }
}
