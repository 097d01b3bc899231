package vn.temso.printing.control;

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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.platform.config.Settings;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.jobs.JobLeases;
import vn.temso.platform.jobs.Lease;

/**
 * Deletes the files of print jobs that finished more than {@code temso.print.retention-days} ago (default 30; 0
 * keeps them for ever), at start and every hour, and marks those jobs. The print job record stays (who printed
 * which serials, with which template); its download answers 410 Gone and says which range to reprint.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // reads print_job
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrintRetention {

    private static final Logger LOG = Logger.getLogger(PrintRetention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    PrintJobSteps steps;

    @Inject
    FileStore files;

    @Inject
    JobLeases leases;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long days;
        try {
            days = Long.parseLong(
                    Settings.get("temso.print.retention-days", "30").trim());
        } catch (NumberFormatException e) {
            LOG.warning("temso.print.retention-days is not a whole number of days; using 30");
            days = 30;
        }
        if (days <= 0) {
            LOG.info("Print files are kept for ever (temso.print.retention-days = " + days + ")");
            return;
        }
        final Duration keep = Duration.ofDays(days);
        task = scheduler.scheduleWithFixedDelay(() -> sweep(keep), 1, 3600, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Once an hour in the whole cluster: the instance that takes the task lease sweeps, then nobody for 55 min. */
    private void sweep(Duration keep) {
        Lease lease;
        try {
            lease = leases.takeTask("print-retention");
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Deleting old print files could not take its lease; retried in an hour: " + e.getMessage());
            return;
        }
        if (lease == null) {
            return;
        }
        try (lease) {
            sweepNow(keep);
            lease.release(Duration.ofMinutes(55));
        }
    }

    private void sweepNow(Duration keep) {
        try {
            int n = PrintFiles.expire(files, clock.instant().minus(keep), steps, clock.instant());
            if (n > 0) {
                LOG.info(() ->
                        "Deleted the files of " + n + " print jobs finished more than " + keep.toDays() + " days ago");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deleting old print files failed; retried in an hour", e);
        }
    }
}
