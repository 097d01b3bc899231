package vn.temso.printing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.label.LabelPrinterException;
import vn.temso.label.LabelProgress;
import vn.temso.label.PrintSummary;
import vn.temso.label.item.LabelItem;
import vn.temso.platform.files.FileStore;
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

    @Resource
    ManagedExecutorService executor;

    /** Runs the job in the background. */
    public void submit(String id, boolean resumed) {
        executor.submit(() -> run(id, resumed));
    }

    /**
     * @param resumed true after a restart: the stamp issuing job is then resumed by the stamping module itself, so
     *                this only waits for it instead of issuing (two issuers on one job would issue twice)
     */
    public void run(String id, boolean resumed) {
        try {
            PrintJobSteps.Plan plan = steps.begin(id);
            if (plan == null) {
                return;
            }
            PrintJob job = plan.job();
            if (job.getStatus() == PrintJob.Status.ISSUING) {
                if (resumed) {
                    awaitIssuing(job.getIssuanceJobId());
                } else {
                    stamps.issueNow(job.getIssuanceJobId());
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException(); // stopping: the issuing job resumes at the next start
                    }
                }
                job = steps.afterIssuing(id);
                if (job == null) {
                    return;
                }
            }
            print(job, plan.content());
        } catch (LabelPrinterException | ProblemException e) {
            steps.fail(id, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Print job " + id + " failed", e);
            steps.fail(id, "Printing stopped on an internal error (logged with print job id " + id
                    + "); start the print again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.fail(id, "Printing was interrupted by a server shutdown");
        }
    }

    private void awaitIssuing(String issuanceJobId) throws InterruptedException {
        long until = System.currentTimeMillis() + RESUME_WAIT_MS;
        while (steps.issuanceStatus(issuanceJobId) == IssuanceJob.Status.RUNNING && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
    }

    private void print(PrintJob job, LabelContent content) throws IOException {
        LabelOutput output = LabelOutput.of(job);
        PrintSummary summary;
        // invisible until committed, so a download never sees half a file; a failure discards it
        try (FileStore.Upload upload = files.create(PrintFiles.keyOf(job), job.getFormat().mediaType())) {
            OutputStream out = new BufferedOutputStream(upload.stream(), 1 << 16);
            summary = output.write(new StampLabels(job, content), job.getLabelCount(), throttled(job.getId()), out);
            out.flush();
            upload.commit();
        }
        steps.done(job.getId(), summary);
    }

    /** Progress is written at most twice a second: each write is a transaction. */
    private LabelProgress throttled(String id) {
        long[] last = {0};
        return (done, total) -> {
            long now = System.currentTimeMillis();
            if (now - last[0] >= PROGRESS_EVERY_MS || done == total) {
                last[0] = now;
                steps.progress(id, done);
            }
        };
    }

    /** The labels of a job, fetched CHUNK stamps at a time in issue order. */
    private final class StampLabels implements Iterator<LabelItem> {
        private final PrintJob job;
        private final LabelContent content;
        private final ArrayDeque<LabelItem> buffer = new ArrayDeque<>();
        private int lastSeq;
        private boolean exhausted;

        StampLabels(PrintJob job, LabelContent content) {
            this.job = job;
            this.content = content;
        }

        @Override
        public boolean hasNext() {
            if (buffer.isEmpty() && !exhausted) {
                var rows = steps.stamps(job, lastSeq, CHUNK);
                for (Object[] r : rows) {
                    lastSeq = ((Number) r[0]).intValue();
                    buffer.add(content.label((String) r[1]));
                }
                exhausted = rows.size() < CHUNK;
            }
            return !buffer.isEmpty();
        }

        @Override
        public LabelItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.poll();
        }
    }
}
