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
import vn.temso.platform.time.FarmTime;
import vn.temso.stamping.entity.ScanTotals;

/**
 * Counts scans in memory for the clone rules ({@link CloneRules}) of this instance, and writes them to the database in the
 * background: one transaction every 100 ms instead of one commit (and one log flush) per scan. A crash loses at
 * most the scan rows of the last ~100 ms; the verdict a buyer saw never depended on them being written.
 * <p>In a cluster every instance judges a stamp by the scan rows of all instances (the database is the one view of
 * scans; docs/architecture.md, "One view of scans"): a history is read again from the rows before a scan from a
 * network it has not seen yet is judged, and at most every {@code temso.cluster.scan-refresh-millis} otherwise; and a
 * scan that adds a second or later network to a stamp is written at once rather than queued, so the next instance to
 * read sees it. Those are the only scans that can move a verdict, and they are rare (a stamp is normally scanned from
 * one or two networks), so the usual scan still reads and writes nothing.
 */
@ApplicationScoped
public class ScanLedger {

    private static final Logger LOG = Logger.getLogger(ScanLedger.class.getName());
    static final int MAX_TRACKED_STAMPS = 200_000;
    /** Scans kept while the database refuses them (~150 bytes each); beyond it the oldest are dropped, and counted. */
    static final int MAX_QUEUED = 200_000;

    /** One scan waiting to be written. */
    public record Pending(String stampId, Instant at, String clientHash, String networkHash) {}

    /** What was written of a stamp: read when this instance first sees it, or again after it was evicted. */
    public record Stored(ScanTotals totals, List<CloneRules.SeenNetwork> networks) {}

    /** A stamp's history and when it was last read from the scan rows. */
    private static final class Tracked {
        final CloneRules.History history;
        Instant readAt;

        Tracked(CloneRules.History history, Instant readAt) {
            this.history = history;
            this.readAt = readAt;
        }
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

    /** How old a history may get before a scan reads the rows again (other instances' networks); 0: never. */
    @Inject
    @ConfigProperty(name = "temso.cluster.scan-refresh-millis", defaultValue = "2000")
    long refreshMillis = 2000;

    private CloneRules rules;
    /**
     * Per-stamp histories, bounded by count (each is small and of bounded size, see {@link CloneRules.History}).
     * An evicted history is rebuilt from the scan rows at the stamp's next scan; scans of it still queued then are
     * missing from the rebuilt count (at most ~100 ms of them).
     */
    private Cache<String, Tracked> histories;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger(); // ConcurrentLinkedQueue.size() walks the queue
    private final AtomicLong dropped = new AtomicLong();
    private int failuresInARow;

    @Inject
    ScanWriter writer;

    @PostConstruct
    void init() {
        configure(
                new CloneRules(maxNetworks, minDays, Duration.ofDays(lateAfterDays), maxLateNetworks, FarmTime.ZONE),
                MAX_TRACKED_STAMPS);
    }

    /** For tests, and {@link #init()}: the rules and how many stamps' histories are kept in memory. */
    void configure(CloneRules rules, int maxTrackedStamps) {
        this.rules = rules;
        // evictions run on the calling thread: nothing is carried to a pool thread, nothing is left behind
        this.histories = Caffeine.newBuilder()
                .maximumSize(maxTrackedStamps)
                .executor(Runnable::run)
                .build();
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
    public CloneRules.Outcome record(
            String stampId, Supplier<Stored> stored, Instant at, String clientHash, String networkHash) {
        boolean[] read = {false};
        Tracked t = histories.get(stampId, id -> {
            read[0] = true;
            Stored s = stored.get();
            return new Tracked(rules.new History(s.totals().count(), s.totals().first(), s.networks()), at);
        });
        CloneRules.History h = t.history;
        boolean newPlace;
        boolean stale;
        synchronized (h) {
            newPlace = h.isNewPlace(networkHash);
            stale = refreshMillis > 0 && at.isAfter(t.readAt.plusMillis(refreshMillis));
        }
        if (!read[0] && (newPlace || stale)) {
            refresh(t, stored, at);
        }
        CloneRules.Outcome outcome;
        synchronized (h) {
            outcome = h.scan(at, networkHash);
        }
        Pending pending = new Pending(stampId, at, clientHash, networkHash);
        if (newPlace && outcome.places() > 1 && writeNow(pending)) {
            return outcome;
        }
        queue.add(pending);
        if (queued.incrementAndGet() > MAX_QUEUED && queue.poll() != null) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
        }
        return outcome;
    }

    /** Reads what every instance wrote of the stamp into its history; on failure judges by what this instance has. */
    private void refresh(Tracked t, Supplier<Stored> stored, Instant at) {
        try {
            Stored s = stored.get();
            synchronized (t.history) {
                t.history.merge(s.totals().count(), s.totals().first(), s.networks());
                t.readAt = at;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Reading a stamp's scans again failed; judged by this instance's history", e);
        }
    }

    /** A scan that adds a place is written before the answer, so another instance judging next sees it. */
    private boolean writeNow(Pending p) {
        if (writer == null) {
            return false; // unit tests without a database
        }
        try {
            writer.insert(List.of(p));
            return true;
        } catch (RuntimeException e) {
            return false; // queued with the rest, written when the database takes it again
        }
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
