package vn.temso.printing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import vn.temso.platform.jobs.JobLeases;
import vn.temso.platform.jobs.Lease;
import vn.temso.platform.jobs.LeasedJobs;
import vn.temso.printing.entity.PrintJob;

/**
 * Print jobs whose run died (a stop, a crash, an instance killed in a cluster) are taken over by the job sweeper of
 * any instance and run again from the start of their file (the file is rewritten, the stamps are the same; their
 * issuing job is resumed on its own lease). A job interrupted {@link PrintJob#MAX_ATTEMPTS} times is marked FAILED
 * instead, never left running forever.
 */
@ApplicationScoped
public class PrintResume implements LeasedJobs {

    private static final Logger LOG = Logger.getLogger(PrintResume.class.getName());

    @Inject
    PrintJobSteps steps;

    @Inject
    PrintRunner runner;

    @Override
    public JobLeases.Kind kind() {
        return JobLeases.Kind.PRINT;
    }

    @Override
    public List<String> unfinished() {
        return List.of(PrintJob.Status.ISSUING.name(), PrintJob.Status.PRINTING.name());
    }

    @Override
    public void resume(String id, Lease lease) {
        if (steps.resumable(id)) {
            LOG.info(() -> "Resuming print job " + id);
            runner.submit(id, lease);
        } else {
            lease.close();
            LOG.warning(() -> "Print job " + id + " was interrupted too often and is marked FAILED");
        }
    }
}
