package vn.temso.printing.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Print jobs interrupted by a stop or crash run again from the start of their file (the file is rewritten, the
 * stamps are the same). Runs after Bootstrap, which resumes the stamp issuing jobs these may be waiting for; a job
 * interrupted {@link vn.temso.printing.entity.PrintJob#MAX_ATTEMPTS} times is marked FAILED instead, never left
 * running forever.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrintResume {

    private static final Logger LOG = Logger.getLogger(PrintResume.class.getName());

    @Inject
    PrintJobSteps steps;

    @Inject
    PrintRunner runner;

    @PostConstruct
    void resume() {
        for (String id : steps.unfinished()) {
            if (steps.resumable(id)) {
                LOG.info(() -> "Resuming print job " + id);
                runner.submit(id, true);
            } else {
                LOG.warning(() -> "Print job " + id + " was interrupted too often and is marked FAILED");
            }
        }
    }
}
