package vn.temso.platform.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Drains an instance before it stops. The JVM answers SIGTERM by running every shutdown hook at once, and Payara's
 * closes the HTTP listener straight away: requests the load balancer routes before its next health check fail.
 * This handler takes SIGTERM instead: /health/ready turns DOWN at once, requests are still served while the
 * balancer notices (temso.shutdown.drain-seconds), and only then does the JVM shut down as before (queued scans
 * are written, jobs stop at a chunk boundary). The wait is skipped when nothing asked for readiness in the last
 * minute (a single instance started by hand has no balancer to wait for).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class.getName());
    private static final Signal TERM = new Signal("TERM");
    private static final long WATCHED_WITHIN_NANOS = TimeUnit.MINUTES.toNanos(1);

    @Inject
    @ConfigProperty(name = "temso.shutdown.drain-seconds", defaultValue = "5")
    int drainSeconds;

    @jakarta.annotation.Resource
    ManagedExecutorService executor;

    @Inject
    Event<Draining> drainingEvent;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong lastProbe = new AtomicLong(System.nanoTime() - 2 * WATCHED_WITHIN_NANOS);
    private SignalHandler previous;

    @PostConstruct
    void install() {
        try {
            previous = Signal.handle(TERM, signal -> drainThenExit());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // a JVM started with -Xrs or a platform without SIGTERM: stop as before, without a drain
            LOG.warning(() -> "No SIGTERM drain on this JVM: " + e);
        }
    }

    @PreDestroy
    void uninstall() {
        // undeployed without stopping the JVM (tests, redeploys): the next deployment installs its own
        if (previous != null && !draining.get()) {
            Signal.handle(TERM, previous);
        }
    }

    /** True once SIGTERM arrived: readiness is DOWN from then on. */
    public boolean draining() {
        return draining.get();
    }

    /** Called by the readiness check: someone (a load balancer) is watching this instance. */
    public void probed() {
        lastProbe.set(System.nanoTime());
    }

    /** Fired once when SIGTERM arrives, before the drain's wait: what should move to other instances now. */
    public record Draining() {}

    private void drainThenExit() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        boolean watched = System.nanoTime() - lastProbe.get() < WATCHED_WITHIN_NANOS;
        long waitMillis = watched ? TimeUnit.SECONDS.toMillis(Math.max(0, drainSeconds)) : 0;
        LOG.info(() -> "SIGTERM: readiness is DOWN; stopping in " + waitMillis + " ms");
        try {
            // observers (job leases given back, say) run in the container's context, not on the signal's thread
            executor.execute(() -> drainingEvent.fire(new Draining()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not tell the application it is draining: " + e);
        }
        Thread stopper = new Thread(
                () -> {
                    try {
                        Thread.sleep(waitMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    // the shutdown hooks run now: Payara stops its listeners and undeploys, as a plain SIGTERM would
                    System.exit(0);
                },
                "temso-shutdown-drain");
        stopper.setDaemon(false);
        stopper.start();
    }
}
