package vn.temso.stamping.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.temso.audit.control.AuditLog;
import vn.temso.batch.control.Batches;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.jobs.JobLeases;
import vn.temso.platform.jobs.Lease;
import vn.temso.platform.jobs.LeasedJobs;
import vn.temso.platform.jobs.StoragePause;
import vn.temso.platform.persistence.KeysetPages;
import vn.temso.platform.persistence.StorageFaults;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.TenantScope;
import vn.temso.stamping.entity.IssuanceJob;
import vn.temso.stamping.entity.ScanTotals;
import vn.temso.stamping.entity.Stamp;
import vn.temso.stamping.entity.StampsVoided;

/** Use cases on stamps: issuing jobs, listing, export, voiding, suspicious stamps. */
@ApplicationScoped
public class Stamps implements LeasedJobs {

    public static final int MAX_PER_JOB = 100_000;
    /** Issue numbers per void statement: bounds the rows (and Derby row locks) one UPDATE touches. */
    static final int VOID_CHUNK = 5_000;

    private static final Logger LOG = Logger.getLogger(Stamps.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<StampsVoided> voids;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller current;

    @Inject
    Batches batches;

    @Inject
    StampIssuer issuer;

    @Inject
    StampKeys keys;

    @Inject
    AuditLog audit;

    @Inject
    StampRows rows;

    @Inject
    IssuanceQuota quota;

    @Inject
    JobLeases leases;

    @Resource
    ManagedExecutorService executor;

    /** Starts a job issuing {@code count} stamps; refused for closed or recalled batches and inactive zones. */
    @Transactional
    public IssuanceJob startIssuing(String batchId, int count) {
        return startIssuing(batches.manageable(batchId), count);
    }

    /**
     * The issuing rules without the registry permission check, for callers that checked their own permission on
     * {@code b} (print jobs: commune staff may issue stamps by printing them, though they may not change the registry).
     */
    @Transactional
    public IssuanceJob startIssuing(Batch b, int count) {
        if (count < 1 || count > MAX_PER_JOB) {
            throw new Problems.ValidationFailed("count", "count is 1 to " + MAX_PER_JOB);
        }
        if (b.getStatus() != BatchStatus.OPEN) {
            throw new Problems.RuleViolated(
                    "batch-not-open",
                    "Batch " + b.getLotCode() + " is " + b.getStatus() + "; stamps are issued for open batches only");
        }
        b.getZones().stream().filter(z -> !z.isActive()).findFirst().ifPresent(z -> {
            throw new Problems.RuleViolated(
                    "zone-not-active",
                    "Zone " + z.getCode() + " of this batch is " + z.getStatus() + "; no stamps can be issued");
        });
        keys.signer(); // fail now, not in the background, when signing is not configured
        quota.check(b.getCooperative(), count);
        IssuanceJob job = new IssuanceJob(b.getId(), count, current.require().username(), clock.instant());
        job.reserve(leases.reservation()); // for this instance's runner; another instance's sweeper waits it out
        em.persist(job);
        audit.record(b.getCooperative(), "issue", "batch", b.getId(), count + " stamps for lot " + b.getLotCode());
        return job;
    }

    /** Runs a job chunk by chunk on the managed executor, if no other run holds its lease. */
    public void run(String jobId) {
        executor.submit(() -> issueNow(jobId));
    }

    @Override
    public JobLeases.Kind kind() {
        return JobLeases.Kind.ISSUANCE;
    }

    @Override
    public List<String> unfinished() {
        return List.of(IssuanceJob.Status.RUNNING.name());
    }

    /** The sweeper took over a job whose owner died: it continues from its last committed chunk. */
    @Override
    public void resume(String jobId, Lease lease) {
        executor.submit(() -> {
            try (lease) {
                issueUnder(jobId, lease);
            }
        });
    }

    /**
     * Runs a job chunk by chunk in the calling thread (a print job issues its stamps, then prints them), under the
     * job's lease; returns at once when another run (on any instance) holds it. The next chunk is signed ahead
     * ({@link SignAhead}) while this thread writes the current one, so signing and the database keep both cores busy.
     */
    public void issueNow(String jobId) {
        leases.runLeased(JobLeases.Kind.ISSUANCE, jobId, "Issuing job " + jobId, lease -> issueUnder(jobId, lease));
    }

    private void issueUnder(String jobId, Lease lease) {
        StoragePause pause = new StoragePause("Issuing job " + jobId);
        try {
            StampIssuer.Target target = null;
            while (target == null) {
                try {
                    target = issuer.target(jobId);
                    if (target == null) {
                        return;
                    }
                } catch (RuntimeException e) {
                    if (!pause.pauseOn(e)) {
                        throw e;
                    }
                    lease.check();
                }
            }
            pause.resumed();
            int left = target.remaining();
            long start = System.nanoTime();
            long waiting = 0;
            long writing = 0;
            SignAhead signing = new SignAhead(issuer, executor, target);
            SignAhead.Pending next = signing.next(left);
            int clashesLeft = 3;
            StampIssuer.SignedChunk retry = null;
            while (left > 0) {
                lease.check();
                long t0 = System.nanoTime();
                StampIssuer.SignedChunk chunk = retry != null ? retry : next.take();
                if (retry == null) {
                    int after = left - chunk.stamps().size();
                    next = after > 0 ? signing.next(after) : null;
                }
                retry = null;
                long t1 = System.nanoTime();
                waiting += t1 - t0;
                try {
                    left = issuer.issueChunk(jobId, chunk, lease.owner());
                    writing += System.nanoTime() - t1;
                    clashesLeft = 3;
                    pause.resumed();
                } catch (Lease.Lost e) {
                    lease.markLost();
                    throw e;
                } catch (RuntimeException e) {
                    if (pause.pauseOn(e)) {
                        // the database cannot write: the same chunk again after a pause (a chunk that did commit
                        // before the fault clashes on its serials and is signed anew below)
                        retry = chunk;
                        continue;
                    }
                    if (!(e instanceof StampIssuer.Clash
                            || e instanceof PersistenceException
                            || e instanceof TransactionalException)) {
                        throw e;
                    }
                    // the chunk rolled back: a serial already taken for this GTIN, a batch's first counter row created
                    // by another job at the same moment, or a failed commit; sign it again with fresh serials, retry
                    if (--clashesLeft == 0) {
                        throw e;
                    }
                    if (next != null) {
                        next.cancel();
                    }
                    next = signing.next(left);
                    continue;
                }
                if (next == null && left > 0) {
                    next = signing.next(left);
                }
            }
            if (next != null) {
                next.cancel(); // the job ended early (failed, or the batch was recalled)
            }
            long ranNs = System.nanoTime() - start;
            double w = writing / 1e9;
            double s = waiting / 1e9;
            LOG.info(() -> String.format(
                    Locale.ROOT,
                    "Issuing job %s ran %.1f s: %.1f s writing, %.1f s waiting for" + " signatures",
                    jobId,
                    ranNs / 1e9,
                    w,
                    s));
        } catch (Lease.Lost e) {
            LOG.info(() -> "Issuing job " + jobId + " is now run by another instance; this run stopped");
        } catch (SignAhead.Interrupted | InterruptedException e) {
            Thread.currentThread().interrupt();
            // the server is stopping: the job stays RUNNING with what has committed; releasing the lease (on close)
            // lets another instance's sweeper continue it at once
            LOG.info(() -> "Issuing job " + jobId + " interrupted; another instance or the next start resumes it");
        } catch (RuntimeException e) {
            if (StorageFaults.isStorageFault(e)) { // not failed: the lease runs out and a sweeper resumes it
                LOG.log(Level.WARNING, "Issuing job " + jobId + " stopped on a storage fault; it resumes later", e);
                return;
            }
            LOG.log(Level.SEVERE, "Issuing job " + jobId + " failed", e);
            issuer.fail(
                    jobId, "Issuing stopped on an internal error; the stamps reported as issued exist", lease.owner());
        }
    }

    @Transactional
    public IssuanceJob job(String id) {
        IssuanceJob j = id == null ? null : em.find(IssuanceJob.class, id);
        if (j == null) {
            throw new Problems.NotFound("Job", id);
        }
        try {
            batches.readable(j.getBatchId());
        } catch (Problems.NotFound e) {
            throw new Problems.NotFound("Job", id);
        }
        return j;
    }

    @Transactional
    public Page<Stamp> list(String batchId, PageRequest page) {
        Batch b = batches.readable(batchId);
        List<Stamp> items = em.createQuery("SELECT s FROM Stamp s WHERE s.batch = :b ORDER BY s.seq", Stamp.class)
                .setParameter("b", b)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(s) FROM Stamp s WHERE s.batch = :b", Long.class)
                .setParameter("b", b)
                .getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * May the current caller hold this stamp's signed URL? Only those who may print its labels
     * ({@link Caller#canHoldSignedStamps}); others who see the batch (members) get the stamp without its URL.
     */
    public boolean holdsSignedUrl(Stamp s) {
        Cooperative coop = s.getBatch().getCooperative();
        return current.require().canHoldSignedStamps(coop.getId(), coop.getCommuneKey());
    }

    /** The batch, when the caller may hold its signed URLs: 404 when they may not see it, 403 when they only see it. */
    @Transactional
    public Batch withSignedStamps(String batchId) {
        Batch b = batches.readable(batchId);
        Caller c = current.require();
        if (!c.canHoldSignedStamps(
                b.getCooperative().getId(), b.getCooperative().getCommuneKey())) {
            throw new Problems.Forbidden("Your role (" + c.role() + ") may not hold signed stamp URLs: they are the"
                    + " labels themselves; ask a manager to print or export them");
        }
        return b;
    }

    /**
     * All stamps of a batch in issue order for CSV export, for those who may hold signed URLs. The rows are read page
     * by page by issue number as the stream is consumed (one transaction per page of {@link StampRows#PAGE}), never
     * all at once: a 100,000-stamp batch costs one page of memory.
     */
    @Transactional
    public Stream<StampRow> export(String batchId) {
        String id = withSignedStamps(batchId).getId(); // checked now, in the request: 404/403 before any byte is sent
        return KeysetPages.stream(0, StampRows.PAGE, (after, size) -> rows.page(id, after, size), StampRow::seq);
    }

    /**
     * Voids the stamps of a batch numbered {@code fromSeq..toSeq} (one stamp when equal) with set-based updates of
     * at most {@link #VOID_CHUNK} issue numbers each, in one transaction (all or nothing, with its audit entry and
     * change signal, so trace pages show the voids at the next scan). No stamp row is loaded.
     *
     * @return the stamps of the range that are now voided (those voided before included)
     */
    @Transactional
    public int voidRange(String batchId, int fromSeq, int toSeq, String reason) {
        Batch b = batches.manageable(batchId);
        if (fromSeq < 1 || toSeq < fromSeq) {
            throw new Problems.ValidationFailed("fromSeq", "fromSeq must be 1 or more and not after toSeq");
        }
        Integer maxSeq = em.createQuery("SELECT MAX(s.seq) FROM Stamp s WHERE s.batch = :b", Integer.class)
                .setParameter("b", b)
                .getSingleResult();
        int last = maxSeq == null ? fromSeq - 1 : Math.min(toSeq, maxSeq); // a huge toSeq costs no empty chunks
        Instant now = clock.instant();
        for (long from = fromSeq; from <= last; from += VOID_CHUNK) {
            int to = (int) Math.min(last, from + VOID_CHUNK - 1);
            em.createQuery("UPDATE Stamp s SET s.status = :voided, s.voidedAt = :now, s.voidReason = :r"
                            + " WHERE s.batch = :b AND s.seq BETWEEN :f AND :t AND s.status = :active")
                    .setParameter("voided", Stamp.Status.VOIDED)
                    .setParameter("now", now)
                    .setParameter("r", reason)
                    .setParameter("b", b)
                    .setParameter("f", (int) from)
                    .setParameter("t", to)
                    .setParameter("active", Stamp.Status.ACTIVE)
                    .executeUpdate();
        }
        long voided = last < fromSeq
                ? 0
                : em.createQuery(
                                "SELECT COUNT(s) FROM Stamp s WHERE s.batch = :b" + " AND s.seq BETWEEN :f AND :t",
                                Long.class)
                        .setParameter("b", b)
                        .setParameter("f", fromSeq)
                        .setParameter("t", last)
                        .getSingleResult();
        if (voided > 0) {
            voids.fire(new StampsVoided(UUID.randomUUID().toString(), b, fromSeq, last, reason, now));
        }
        audit.record(b.getCooperative(), "void", "batch", b.getId(), "stamps " + fromSeq + "-" + toSeq + ": " + reason);
        return (int) voided;
    }

    @Transactional
    public Page<Stamp> suspicious(PageRequest page) {
        Caller caller = current.require();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        // flagged = has a flag time (Stamp.flag sets both): for an administrator (scope "1 = 1") EclipseLink writes
        // "s.suspicious = TRUE" as SUSPICIOUS = 1, which Derby refuses (BOOLEAN = INTEGER), a 500 before
        String where = "s.flaggedAt IS NOT NULL AND " + TenantScope.condition(caller, "s.batch.cooperative", params);
        var q = em.createQuery(
                "SELECT s FROM Stamp s WHERE " + where + " ORDER BY s.flaggedAt DESC, s.seq", Stamp.class);
        var c = em.createQuery("SELECT COUNT(s) FROM Stamp s WHERE " + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            c.setParameter(k, v);
        });
        return new Page<>(
                q.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                page.page(),
                page.size(),
                c.getSingleResult());
    }

    /** Scan count, first and last scan of each stamp, from the scan rows (one grouped query over an index). */
    public Map<String, ScanTotals> scanTotals(Collection<String> stampIds) {
        if (stampIds.isEmpty()) {
            return Map.of();
        }
        Map<String, ScanTotals> totals = new HashMap<>();
        em.createQuery(
                        "SELECT NEW vn.temso.stamping.control.Stamps.ScanRow(c.stampId, COUNT(c), MIN(c.scannedAt),"
                                + " MAX(c.scannedAt)) FROM Scan c WHERE c.stampId IN :ids GROUP BY c.stampId",
                        ScanRow.class)
                .setParameter("ids", stampIds)
                .getResultList()
                .forEach(r -> totals.put(r.stampId(), new ScanTotals((int) r.count(), r.first(), r.last())));
        return totals;
    }

    /** The scan totals of one stamp as the grouped query returns them. */
    public record ScanRow(String stampId, long count, Instant first, Instant last) {}
}
