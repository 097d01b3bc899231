package vn.temso.printing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.temso.batch.entity.Batch;
import vn.temso.label.PrintSummary;
import vn.temso.platform.jobs.Lease;
import vn.temso.platform.time.FarmTime;
import vn.temso.printing.entity.LabelsPrinted;
import vn.temso.printing.entity.PrintJob;
import vn.temso.stamping.entity.IssuanceJob;
import vn.temso.stamping.entity.Stamp;

/**
 * The steps of running a print job, each in its own short transaction: the job's state is always committed, so a
 * restart finds it, and no transaction stays open while a large file is written.
 */
@ApplicationScoped
public class PrintJobSteps implements PrintFiles.Jobs {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<LabelsPrinted> printed;

    @Inject
    Clock clock;

    /** An immutable snapshot of what to print, read at the start of a run. */
    public record Plan(PrintJob job, LabelContent content) {}

    /** @return the plan, or null when the job is already finished */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Plan begin(String id) {
        PrintJob job = em.find(PrintJob.class, id);
        if (job == null || job.isFinished()) {
            return null;
        }
        job.attempt();
        Batch b = em.find(Batch.class, job.getBatchId());
        em.flush();
        em.detach(job);
        return new Plan(job, LabelContent.of(b, FarmTime.today(clock)));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public IssuanceJob.Status issuanceStatus(String issuanceJobId) {
        IssuanceJob ij = em.find(IssuanceJob.class, issuanceJobId);
        return ij == null ? IssuanceJob.Status.FAILED : ij.getStatus();
    }

    /**
     * Once the issuing job has ended: records the serial range it made and moves on to printing.
     *
     * @return the updated job (detached), or null when issuing failed and the job was failed too
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PrintJob afterIssuing(String id) {
        PrintJob job = em.find(PrintJob.class, id);
        IssuanceJob ij = em.find(IssuanceJob.class, job.getIssuanceJobId());
        IssuedRange range = em.createQuery(
                        "SELECT NEW vn.temso.printing.control.PrintJobSteps.IssuedRange(COUNT(s),"
                                + " MIN(s.seq), MAX(s.seq)) FROM Stamp s WHERE s.jobId = :j",
                        IssuedRange.class)
                .setParameter("j", job.getIssuanceJobId())
                .getSingleResult();
        int issued = (int) range.count();
        if (ij == null || ij.getStatus() != IssuanceJob.Status.DONE || issued == 0) {
            String why = ij == null
                    ? "the issuing job is gone"
                    : ij.getError() != null ? ij.getError() : "it did not finish";
            job.fail(
                    "Issuing the stamps failed (" + why + "); "
                            + (issued == 0
                                    ? "no stamps were issued"
                                    : issued + " stamps were issued, seq " + range.first() + " to " + range.last()
                                            + ": reprint them with fromSeq/toSeq"),
                    clock.instant());
            return null;
        }
        job.issued(issued, range.first(), range.last());
        em.flush();
        em.detach(job);
        return job;
    }

    /** The stamps an issuing job made: how many, and the first and last issue number (null when none). */
    public record IssuedRange(long count, Integer first, Integer last) {}

    /** A stamp to print: its issue number (the paging key) and its signed URL (the QR code). */
    public record StampToPrint(int seq, String url) {}

    /**
     * The next stamps to print after {@code afterSeq}, in issue order. Only ACTIVE stamps: a voided stamp is never
     * printed again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<StampToPrint> stamps(PrintJob job, int afterSeq, int limit) {
        String which = job.isReprint() ? "s.seq BETWEEN :from AND :to" : "s.jobId = :job";
        var q = em.createQuery(
                        "SELECT NEW vn.temso.printing.control.PrintJobSteps.StampToPrint(s.seq, s.url)"
                                + " FROM Stamp s WHERE s.batch.id = :b AND s.status = :active AND "
                                + which + " AND s.seq > :after ORDER BY s.seq",
                        StampToPrint.class)
                .setParameter("b", job.getBatchId())
                .setParameter("active", Stamp.Status.ACTIVE)
                .setParameter("after", afterSeq)
                .setMaxResults(limit);
        if (job.isReprint()) {
            q.setParameter("from", job.getFromSeq()).setParameter("to", job.getToSeq());
        } else {
            q.setParameter("job", job.getIssuanceJobId());
        }
        return q.getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(String id, long done) {
        PrintJob job = em.find(PrintJob.class, id);
        if (job != null) {
            job.progressed(done);
        }
    }

    /** @throws Lease.Lost when another run owns the job now (its file is the one to keep) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(String id, PrintSummary summary, String owner) {
        PrintJob job = em.find(PrintJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (!owner.equals(job.getLeaseOwner())) {
            throw new Lease.Lost("Print job " + id);
        }
        job.done(summary.labels(), summary.pages(), summary.bytes(), clock.instant());
        printed.fire(new LabelsPrinted(job));
    }

    /** Fails the job, if {@code owner} still runs it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(String id, String reason, String owner) {
        PrintJob job = em.find(PrintJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job != null && !job.isFinished() && owner.equals(job.getLeaseOwner())) {
            job.fail(reason, clock.instant());
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PrintJob> withFilesFinishedBefore(Instant cutoff, int limit) {
        List<PrintJob> jobs = em.createQuery(
                        "SELECT j FROM PrintJob j WHERE j.status = :done AND j.finishedAt < :cutoff"
                                + " AND j.fileDeletedAt IS NULL ORDER BY j.finishedAt, j.id",
                        PrintJob.class)
                .setParameter("done", PrintJob.Status.DONE)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
        jobs.forEach(em::detach);
        return jobs;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fileDeleted(String jobId, Instant at) {
        PrintJob job = em.find(PrintJob.class, jobId);
        if (job != null) {
            job.fileDeleted(at);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> unfinished() {
        return em.createQuery("SELECT j.id FROM PrintJob j WHERE j.status IN :s ORDER BY j.createdAt", String.class)
                .setParameter("s", List.of(PrintJob.Status.ISSUING, PrintJob.Status.PRINTING))
                .getResultList();
    }

    /** @return true when the job should run again, false when it was given up after too many restarts */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean resumable(String id) {
        PrintJob job = em.find(PrintJob.class, id);
        if (job == null || job.isFinished()) {
            return false;
        }
        if (job.getAttempts() >= PrintJob.MAX_ATTEMPTS) {
            job.fail(
                    "Interrupted by " + job.getAttempts() + " server restarts; given up. "
                            + (job.getFromSeq() != null
                                    ? "Reprint seq " + job.getFromSeq() + " to " + job.getToSeq()
                                            + " with a new print job"
                                    : "Start a new print job"),
                    clock.instant());
            return false;
        }
        return true;
    }
}
