package vn.temso.trace.control;

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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes the queued scans every 100 ms on a managed scheduled executor. Started with the application, not by the
 * first scan: a task scheduled from a web request would carry that request's invocation context along. Not an EJB
 * timer: Payara delivers those at most once a second, which made "100 ms" really up to a second of scans queued.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScanFlusher {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ScanLedger ledger;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        // flushQuietly logs and swallows failures: an exception would end a fixed-delay task for good
        task = scheduler.scheduleWithFixedDelay(ledger::flushQuietly, 100, 100, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
