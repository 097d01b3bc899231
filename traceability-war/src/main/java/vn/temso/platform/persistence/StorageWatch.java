package vn.temso.platform.persistence;

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
import org.eclipse.microprofile.health.Readiness;

/**
 * Probes storage every second ({@link DatabaseHealth}) whether or not a load balancer asks for readiness: the probe
 * is what logs a storage fault and its end, and what boots embedded Derby again after a full disk, so recovery must
 * not wait for someone to call /health/ready. A non-persistent EJB timer of this instance.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageWatch {

    @Resource
    TimerService timers;

    @Inject
    @Readiness // the health check's qualifier: it has no @Default
    DatabaseHealth health;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(1000, 1000, new TimerConfig("storage-watch", false));
    }

    @Timeout
    void probe() {
        health.writable();
    }
}
