package vn.temso.trace.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Writes the queued scans every 100 ms (a non-persistent EJB timer of this instance). Started with the application,
 * not by the first scan: a task scheduled from a web request would carry that request's invocation context along.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScanFlusher {

    @Resource
    TimerService timers;

    @Inject
    ScanLedger ledger;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(100, 100, new TimerConfig("scan-flush", false));
    }

    @Timeout
    void flush() {
        ledger.flushQuietly();
    }
}
