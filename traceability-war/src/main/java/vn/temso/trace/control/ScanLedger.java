package vn.temso.trace.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.stamping.entity.ScanTotals;

/**
 * Counts scans in memory for the clone rules ({@link CloneRules}) of this instance, and writes them to the database in the
 * background: one transaction every 100 ms instead of one commit (and one log flush) per scan. A crash loses at
 * most the scan rows of the last ~100 ms; the verdict a buyer saw never depended on them being written.
 * In a cluster each instance counts the scans it served on top of what was written when it first saw the stamp.
 */
@ApplicationScoped
public class ScanLedger {

    private static final Logger LOG = Logger.getLogger(ScanLedger.class.getName());
    static final int MAX_TRACKED_STAMPS = 200_000;
    /** Scans kept while the database refuses them (~150 bytes each); beyond it the oldest are dropped, and counted. */
    static final int MAX_QUEUED = 200_000;

    /** One scan waiting to be written. */
    public record Pending(String stampId, Instant at, String clientHash, String networkHash) {
    }

    /** What was written of a stamp: read when this instance first sees it, or again after it was evicted. */
    public record Stored(ScanTotals totals, List<CloneRules.SeenNetwork> networks) {
    }

    @Inject
    @ConfigProperty(name = "temso.clone.max-networks", defaultValue = "6")
    int maxNetworks;

    @Inject
    @ConfigProperty(name = "temso.clone.min-days", defaultValue = "2")
    int minDays;

    @Inject
    @ConfigProperty(name = "temso.clone.late-after-days", defaultValue = "60")
    int lateAfterDays;

    @Inject
    @ConfigProperty(name = "temso.clone.max-late-networks", defaultValue = "3")
    int maxLateNetworks;

    private CloneRules rules;
    /**
     * Per-stamp histories, bounded by count (each is small and of bounded size, see {@link CloneRules.History}).
     * An evicted history is rebuilt from the scan rows at the stamp's next scan; scans of it still queued then are
     * missing from the rebuilt count (at most ~100 ms of them).
     */
    private Cache<String, CloneRules.History> histories;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger(); // ConcurrentLinkedQueue.size() walks the queue
    private final AtomicLong dropped = new AtomicLong();
    private int failuresInARow;

    @Inject
    ScanWriter writer;

    @PostConstruct
    void init() {
        configure(new CloneRules(maxNetworks, minDays, Duration.ofDays(lateAfterDays), maxLateNetworks,
                CloneRules.VIETNAM), MAX_TRACKED_STAMPS);
    }

    /** For tests, and {@link #init()}: the rules and how many stamps' histories are kept in memory. */
    void configure(CloneRules rules, int maxTrackedStamps) {
        this.rules = rules;
        // evictions run on the calling thread: nothing is carried to a pool thread, nothing is left behind
        this.histories = Caffeine.newBuilder().maximumSize(maxTrackedStamps).executor(Runnable::run).build();
    }

    public CloneRules rules() {
        return rules;
    }

    @PreDestroy
    void stop() {
        for (int i = 0; i < 100 && queued.get() > 0; i++) { // a clean stop writes everything it can
            flushQuietly();
            if (failuresInARow > 0) {
                break;
            }
        }
    }

    /**
     * Records a scan of a stamp and judges it by the clone rules.
     *
     * @param stored      what was written of the stamp; called only when this instance holds no history of it
     * @param clientHash  keyed hash of the address, stored with the scan row; no rule counts it
     * @param networkHash keyed hash of the network ({@link Networks#prefix}): what the rules count
     */
    public CloneRules.Outcome record(String stampId, Supplier<Stored> stored, Instant at, String clientHash,
                                     String networkHash) {
        CloneRules.History h = histories.get(stampId, id -> {
            Stored s = stored.get();
            return rules.new History(s.totals().count(), s.totals().first(), s.networks());
        });
        CloneRules.Outcome outcome;
        synchronized (h) {
            outcome = h.scan(at, networkHash);
        }
        queue.add(new Pending(stampId, at, clientHash, networkHash));
        if (queued.incrementAndGet() > MAX_QUEUED && queue.poll() != null) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
        }
        return outcome;
    }

    /** How many stamps' histories are in memory (tests). */
    long tracked() {
        histories.cleanUp();
        return histories.estimatedSize();
    }

    /** Writes what is queued (also called at shutdown), up to 5,000 scan rows per transaction. */
    public synchronized void flush() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < 5_000 && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        queued.addAndGet(-batch.size());
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.insert(batch);
        } catch (RuntimeException e) {
            queue.addAll(batch); // kept for the next round
            queued.addAndGet(batch.size());
            throw e;
        }
    }

    /** Called every 100 ms by {@link ScanFlusher}: writes what is queued, logging failures without throwing. */
    public synchronized void flushQuietly() {
        try {
            flush();
            if (failuresInARow > 0) {
                LOG.info(() -> "Writing scans works again after " + failuresInARow + " failed attempts");
            }
            failuresInARow = 0;
        } catch (RuntimeException e) {
            // every 100 ms while the database is down: the first failure in full, then one line a minute
            if (failuresInARow++ == 0) {
                LOG.log(Level.WARNING, "Writing scans failed; they stay queued and are retried", e);
            } else if (failuresInARow % 600 == 0) {
                LOG.warning(() -> "Writing scans still fails (" + failuresInARow + " attempts, " + queued.get()
                        + " scans queued, " + dropped.get() + " dropped beyond " + MAX_QUEUED + "): " + e);
            }
        }
    }
}
