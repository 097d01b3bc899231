package vn.temso.listing.control;

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
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.catalog.push.PushClient;
import vn.temso.platform.jobs.JobLeases;
import vn.temso.platform.jobs.Lease;
import vn.temso.platform.outbox.OutboxSender;
import vn.temso.platform.persistence.StorageFaults;
import vn.temso.platform.time.FarmTime;

/**
 * The background side of catalog sync, on the managed scheduled executor: once a day a sweep for OCOP labels that
 * lapsed or began, then the dirty feed files, then the due push rows. Everything it works from is database state,
 * so a restart simply carries on; in a cluster one instance at a time runs a round (task leases, {@link JobLeases}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class.getName());
    private static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SyncSettings settings;

    @Inject
    Listings listings;

    @Inject
    FeedRegenerator regenerator;

    @Inject
    AreaFeeds areaFeeds;

    @Inject
    AreaFeedRegenerator areaRegenerator;

    @Inject
    PushOutbox outbox;

    @Inject
    JobLeases leases;

    @Inject
    Clock clock;

    private ScheduledFuture<?> task;
    private final DailySweep daily = new DailySweep();
    private volatile boolean failing;

    @PostConstruct
    void start() {
        String problem = settings.pushProblem();
        LOG.info(
                problem == null
                        ? "Catalog push sync to " + settings.pushHost() + " every " + settings.intervalMs() + " ms"
                        : "Catalog " + problem);
        task = scheduler.scheduleWithFixedDelay(
                this::tick, Math.min(2000, settings.intervalMs()), settings.intervalMs(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /**
     * One round, run by one instance of a cluster at a time: the round holds the "catalog-sync" task lease (released
     * at its end, so the next round may run anywhere). Each part is guarded so one failing part never stops the
     * others or the schedule; a storage fault is logged once until the database works again.
     */
    void tick() {
        Lease lease;
        try {
            lease = leases.takeTask("catalog-sync");
        } catch (RuntimeException e) {
            failed("Catalog sync could not take its lease", e);
            return;
        }
        if (lease == null) {
            return; // another instance runs this round
        }
        try (lease) {
            round();
        }
    }

    private void round() {
        boolean ok = true;
        try {
            Optional<LocalDate> due = daily.dueAt(clock.instant());
            if (due.isPresent()) {
                LocalDate today = due.get();
                // once a day in the whole cluster: the lease is then held by nobody until the next midnight
                Lease sweep = leases.takeTask("catalog-sweep");
                if (sweep != null) {
                    try {
                        int queued = listings.sweep(today);
                        areaFeeds.sweep(); // the commune and province feeds list only certificates valid today
                        LOG.fine(() -> "Daily catalog sweep for " + today + ": " + queued + " push(es) queued");
                        sweep.release(Duration.between(clock.instant(), FarmTime.startOf(today.plusDays(1))));
                    } finally {
                        sweep.close(); // after a failure: free for the next round
                    }
                }
                daily.sweptFor(today);
            }
        } catch (RuntimeException e) {
            ok = false;
            failed("Catalog sweep failed; retried next round", e);
        }
        try {
            regenerator.regenerateDirty();
        } catch (RuntimeException e) {
            ok = false;
            failed("Feed regeneration failed; retried next round", e);
        }
        try {
            areaRegenerator.regenerateDirty();
        } catch (RuntimeException e) {
            ok = false;
            failed("Area feed regeneration failed; retried next round", e);
        }
        try {
            settings.pushClient().ifPresent(this::pushDue);
        } catch (RuntimeException e) {
            ok = false;
            failed("Push round failed; retried next round", e);
        }
        if (ok && failing) {
            failing = false;
            LOG.info("Catalog sync works again");
        }
    }

    /** A storage fault is logged once per outage (rounds come every few seconds); other failures every time. */
    private void failed(String what, RuntimeException e) {
        if (StorageFaults.isStorageFault(e)) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, what + " (storage fault; quiet until it works again): " + e.getMessage());
            }
            return;
        }
        LOG.log(Level.WARNING, what, e);
    }

    private void pushDue(PushClient client) {
        OutboxSender.drain(outbox, client, settings.retryPolicy(), settings.lease(), clock, BATCH);
    }
}
