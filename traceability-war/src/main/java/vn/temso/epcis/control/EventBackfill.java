package vn.temso.epcis.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.platform.startup.StartupTask;

/**
 * Gives every record made before the event log existed (and the demo data, written straight to the database) its
 * event, at each start. It runs on a worker thread once the start-up work has committed (the start-up thread's
 * transaction still holds the demo data's rows). Each kind of record is one transaction that only looks for records
 * without their event, so a start with nothing to do costs a few indexed queries; two instances starting at once may
 * both try, and the one that loses the race rolls back and logs it: the other's events stand.
 */
@ApplicationScoped
public class EventBackfill implements StartupTask {

    private static final Logger LOG = Logger.getLogger(EventBackfill.class.getName());

    @Inject
    BackfillSteps steps;

    @Resource
    ManagedExecutorService executor;

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void run() {
        executor.execute(this::backfill);
    }

    void backfill() {
        int total = 0;
        for (BackfillSteps.Step step : BackfillSteps.Step.values()) {
            try {
                total += steps.run(step);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "EPCIS backfill of " + step + " did not finish; the next start retries", e);
            }
        }
        if (total > 0) {
            LOG.info("EPCIS backfill: " + total + " events for records made before the event log");
        }
    }
}
