package vn.temso.printing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.label.LabelPrinterException;
import vn.temso.label.LabelProgress;
import vn.temso.label.PrintSummary;
import vn.temso.label.item.LabelItem;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.jobs.JobLeases;
import vn.temso.platform.jobs.Lease;
import vn.temso.platform.jobs.StoragePause;
import vn.temso.platform.persistence.KeysetPages;
import vn.temso.platform.problem.ProblemException;
import vn.temso.printing.entity.PrintJob;
import vn.temso.stamping.control.Stamps;
import vn.temso.stamping.entity.IssuanceJob;

/**
 * Runs a print job: issues its new stamps (if any), then streams the labels page by page into the file store (the
 * shared database, so any instance serves the download), reading the stamps from the database a chunk at a time,
 * so memory stays flat for 100,000 labels. Runs in the request thread for small jobs and on the managed executor
 * for large ones.
 */
@ApplicationScoped
public class PrintRunner {

    static final int CHUNK = 500;
    private static final long PROGRESS_EVERY_MS = 500;
    private static final long RESUME_WAIT_MS = 60 * 60 * 1000L;
    private static final Logger LOG = Logger.getLogger(PrintRunner.class.getName());

    @Inject
    PrintJobSteps steps;

    @Inject
    Stamps stamps;

    @Inject
    FileStore files;

    @Inject
    JobLeases leases;

    @Resource
    ManagedExecutorService executor;

    /** Runs the job in the background. */
    public void submit(String id) {
        executor.submit(() -> run(id));
    }

    /** Runs a job the sweeper took over (its lease is held already) in the background. */
    void submit(String id, Lease lease) {
        executor.submit(() -> {
            try (lease) {
                runUnder(id, lease);
            }
        });
    }

    /** Runs the job under its lease; returns at once when another run (on any instance) holds it. */
    public void run(String id) {
        leases.runLeased(JobLeases.Kind.PRINT, id, "Print job " + id, lease -> runUnder(id, lease));
    }

    /** One run; a storage fault pauses it and the run starts over (the file is rewritten, the stamps are the same). */
    private void runUnder(String id, Lease lease) {
        StoragePause pause = new StoragePause("Print job " + id);
        try {
            while (true) {
                try {
                    attempt(id, lease);
                    return;
                } catch (Lease.Lost e) {
                    throw e;
                } catch (LabelPrinterException | ProblemException e) {
                    steps.fail(id, e.getMessage(), lease.owner());
                    return;
                } catch (IOException | RuntimeException e) {
                    if (!pause.pauseOn(e)) {
                        LOG.log(Level.SEVERE, "Print job " + id + " failed", e);
                        steps.fail(
                                id,
                                "Printing stopped on an internal error (logged with print job id " + id
                                        + "); start the print again",
                                lease.owner());
                        return;
                    }
                    lease.check();
                }
            }
        } catch (Lease.Lost e) {
            LOG.info(() -> "Print job " + id + " is now run by another instance; this run stopped");
        } catch (InterruptedException e) {
            // the server is stopping: the job stays unfinished and its lease is released, so another instance (or
            // the next start) runs it again; the attempts counter gives it up after PrintJob.MAX_ATTEMPTS
            Thread.currentThread().interrupt();
            LOG.info(() -> "Print job " + id + " interrupted; another instance or the next start resumes it");
        }
    }

    private void attempt(String id, Lease lease) throws IOException, InterruptedException {
        PrintJobSteps.Plan plan = steps.begin(id);
        if (plan == null) {
            return;
        }
        PrintJob job = plan.job();
        if (job.getStatus() == PrintJob.Status.ISSUING) {
            // issues here unless another run holds the issuing job's lease; then waits for that run
            stamps.issueNow(job.getIssuanceJobId());
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            awaitIssuing(job.getIssuanceJobId(), lease);
            job = steps.afterIssuing(id);
            if (job == null) {
                return;
            }
        }
        print(job, plan.content(), lease);
    }

    private void awaitIssuing(String issuanceJobId, Lease lease) throws InterruptedException {
        long until = System.currentTimeMillis() + RESUME_WAIT_MS;
        while (steps.issuanceStatus(issuanceJobId) == IssuanceJob.Status.RUNNING
                && System.currentTimeMillis() < until) {
            lease.check();
            Thread.sleep(500);
        }
    }

    private void print(PrintJob job, LabelContent content, Lease lease) throws IOException {
        LabelOutput output = LabelOutput.of(job);
        PrintSummary summary;
        // invisible until committed, so a download never sees half a file; a failure discards it
        try (FileStore.Upload upload =
                files.create(PrintFiles.keyOf(job), job.getFormat().mediaType())) {
            OutputStream out = new BufferedOutputStream(upload.stream(), 1 << 16);
            summary = output.write(labels(job, content), job.getLabelCount(), throttled(job.getId(), lease), out);
            out.flush();
            upload.commit();
        }
        steps.done(job.getId(), summary, lease.owner());
    }

    /** Progress is written at most twice a second: each write is a transaction. */
    private LabelProgress throttled(String id, Lease lease) {
        long[] last = {0};
        return (done, total) -> {
            long now = System.currentTimeMillis();
            if (now - last[0] >= PROGRESS_EVERY_MS || done == total) {
                last[0] = now;
                lease.check(); // taken over: stop writing a file another run writes
                steps.progress(id, done);
            }
        };
    }

    /** The labels of a job, fetched CHUNK stamps at a time in issue order (one chunk held at a time). */
    private Iterator<LabelItem> labels(PrintJob job, LabelContent content) {
        return KeysetPages.stream(
                        0, CHUNK, (after, size) -> steps.stamps(job, after, size), PrintJobSteps.StampToPrint::seq)
                .map(s -> content.label(s.url()))
                .iterator();
    }
}
