package vn.temso.portal.control;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The background side of the national-portal connection, on the managed scheduled executor. Each round (one instance
 * of a cluster at a time: the "portal-sync" task lease) marks the lots whose events changed, builds the marked records
 * (a changed one is queued), and sends the due versions. At each start, and once a day in the whole cluster, every lot
 * is marked (OCOP ratings and certificates lapse with the date; the mapping may have changed); content hashes keep
 * unchanged records from being queued again. Validates the mapping at start-up: a bad mapping file is logged with
 * the entry at fault and keeps the connection off.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortalScheduler {

    private static final Logger LOG = Logger.getLogger(PortalScheduler.class.getName());
    private static final int BUILD_BATCH = 200;
    private static final int SEND_BATCH = 50;
    /** A round stops starting new batches after this long (the next round carries on). */
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(10);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    PortalSettings settings;

    @Inject
    PortalLots lots;

    @Inject
    PortalSync sync;

    @Inject
    PortalOutbox outbox;

    @Inject
    JobLeases leases;

    @Inject
    Clock clock;

    private ScheduledFuture<?> task;
    private LocalDate sweptOn;
    private boolean startSwept;
    private volatile boolean failing;
    /** Per lot, what the event log held in the look-back window at the last round this instance ran. */
    private final Map<String, PortalLots.Activity> seen = new HashMap<>();

    @PostConstruct
    void start() {
        settings.mappingState(); // read and checked now: a bad file is reported at start-up, naming the entry
        String problem = settings.problem();
        if (problem != null) {
            LOG.info("National traceability portal: " + problem);
            return;
        }
        LOG.info("National traceability portal: records sent to "
                + settings.target().host() + " (" + settings.target().auth() + ") every " + settings.intervalMs()
                + " ms");
        task = scheduler.scheduleWithFixedDelay(
                this::tick, Math.min(2000, settings.intervalMs()), settings.intervalMs(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One round under the cluster-wide task lease; a round another instance runs is skipped here. */
    void tick() {
        Lease lease;
        try {
            lease = leases.takeTask("portal-sync");
        } catch (RuntimeException e) {
            failed("Portal sync could not take its lease", e);
            return;
        }
        if (lease == null) {
            return;
        }
        try (lease) {
            round(lease);
        }
    }

    private synchronized void round(Lease lease) {
        Instant deadline = clock.instant().plus(ROUND_BUDGET);
        boolean ok = guarded("Portal sweep failed; retried next round", this::sweep);
        ok &= guarded("Reading recent events for portal records failed; retried next round", this::markRecent);
        ok &= guarded("Building portal records failed; retried next round", () -> build(lease, deadline));
        ok &= guarded(
                "Sending portal records failed; retried next round",
                () -> settings.target().client().ifPresent(c -> send(c, lease, deadline)));
        if (ok && failing) {
            failing = false;
            LOG.info("Portal sync works again");
        }
    }

    private boolean guarded(String what, Runnable part) {
        try {
            part.run();
            return true;
        } catch (RuntimeException e) {
            failed(what, e);
            return false;
        }
    }

    /** At this instance's start, and once a day in the whole cluster, every lot is marked (and adopted). */
    private void sweep() {
        LocalDate today = FarmTime.today(clock);
        if (!startSwept) {
            int adopted = lots.adoptAll();
            int marked = lots.markAll();
            LOG.fine(() -> "Portal start sweep: " + adopted + " lots adopted, " + marked + " marked");
            startSwept = true;
            sweptOn = today;
        }
        if (!today.equals(sweptOn)) {
            Lease daily = leases.takeTask("portal-sweep");
            if (daily != null) {
                try {
                    lots.adoptAll();
                    lots.markAll();
                    daily.release(Duration.between(clock.instant(), FarmTime.startOf(today.plusDays(1))));
                } finally {
                    daily.close(); // after a failure: free for the next round
                }
            }
            sweptOn = today;
        }
    }

    /**
     * Lots with events recorded in the look-back window that this instance has not seen yet (a partner's capture, the
     * start-up backfill, a transaction that committed late) are marked.
     */
    private void markRecent() {
        List<PortalLots.Activity> now = lots.activity(clock.instant().minus(settings.eventWindow()));
        Map<String, PortalLots.Activity> current = new HashMap<>();
        for (PortalLots.Activity a : now) {
            current.put(a.batchId(), a);
            if (!a.equals(seen.get(a.batchId()))) {
                lots.markOrAdopt(a.batchId());
            }
        }
        seen.clear();
        seen.putAll(current);
    }

    private void build(Lease lease, Instant deadline) {
        List<PortalLots.Dirty> dirty;
        do {
            dirty = lots.dirty(BUILD_BATCH);
            for (PortalLots.Dirty d : dirty) {
                lease.check();
                try {
                    sync.rebuild(d.batchId(), d.generation());
                } catch (RuntimeException e) {
                    if (StorageFaults.isStorageFault(e)) {
                        throw e;
                    }
                    // a defect, not a passing fault: logged, and the lot waits for its next change or the daily sweep
                    // rather than holding up every round
                    LOG.log(Level.WARNING, "Portal record of lot " + d.batchId() + " could not be built", e);
                    lots.built(d.batchId(), d.generation(), clock.instant());
                }
            }
        } while (dirty.size() == BUILD_BATCH && clock.instant().isBefore(deadline));
    }

    private void send(PushClient client, Lease lease, Instant deadline) {
        int sent;
        do {
            lease.check();
            sent = OutboxSender.drain(outbox, client, settings.retryPolicy(), settings.lease(), clock, SEND_BATCH);
        } while (sent == SEND_BATCH && clock.instant().isBefore(deadline));
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
}
