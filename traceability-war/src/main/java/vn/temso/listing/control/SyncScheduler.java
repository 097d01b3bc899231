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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.catalog.push.PushClient;
import vn.temso.catalog.push.PushRequest;
import vn.temso.catalog.push.PushResult;
import vn.temso.catalog.push.RetryPolicy;

/**
 * The background side of catalog sync, on the managed scheduled executor: once a day (and at start) a sweep for
 * OCOP labels that lapsed or began, then the dirty feed files, then the due push rows. Everything it works from
 * is database state, so a restart simply carries on.
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
    PushOutbox outbox;

    private ScheduledFuture<?> task;
    private LocalDate sweptOn;

    @PostConstruct
    void start() {
        String problem = settings.pushProblem();
        LOG.info(problem == null ? "Catalog push sync to " + settings.pushHost() + " every " + settings.intervalMs() + " ms"
                : "Catalog " + problem);
        task = scheduler.scheduleWithFixedDelay(this::tick, Math.min(2000, settings.intervalMs()), settings.intervalMs(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One round; each part is guarded so one failing part never stops the others or the schedule. */
    void tick() {
        try {
            LocalDate today = CatalogEntries.today();
            if (!today.equals(sweptOn)) {
                int queued = listings.sweep(today);
                sweptOn = today;
                LOG.fine(() -> "Daily catalog sweep for " + today + ": " + queued + " push(es) queued");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Catalog sweep failed; retried next round", e);
        }
        try {
            regenerator.regenerateDirty();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Feed regeneration failed; retried next round", e);
        }
        try {
            settings.pushClient().ifPresent(this::pushDue);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push round failed; retried next round", e);
        }
    }

    private void pushDue(PushClient client) {
        RetryPolicy policy = settings.retryPolicy();
        List<Object[]> due = outbox.due(Instant.now(), BATCH);
        for (Object[] row : due) {
            PushOutbox.Claim claim = outbox.claim((String) row[0], (Integer) row[1], Instant.now(), settings.lease());
            if (claim == null) {
                continue; // another instance (or an earlier round) has it
            }
            // the stored key is "<gtin>:<version>:<hash>"; PushRequest appends ":<hash>" itself
            String keyPrefix = claim.idempotencyKey().substring(0,
                    claim.idempotencyKey().length() - claim.contentHash().length() - 1);
            PushResult result = client.send(new PushRequest(keyPrefix, claim.contentHash(),
                    claim.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            RetryPolicy.Decision decision = policy.decide(claim.attempts(), result);
            if (!outbox.complete(claim, result, decision, Instant.now())) {
                LOG.warning(() -> "Push " + claim.idempotencyKey() + " lost its claim while sending; it will be resent"
                        + " with the same idempotency key");
            }
        }
    }
}
