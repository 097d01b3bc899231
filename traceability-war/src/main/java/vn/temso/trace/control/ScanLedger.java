package vn.temso.trace.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.stamping.entity.ScanTotals;

/**
 * Counts scans in memory, exactly, for the clone rules of this instance, and writes them to the database in the
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
    public record Pending(String stampId, Instant at, String clientHash) {
    }

    /** What the clone rules need to know of a stamp, including this scan. */
    public record Snapshot(int count, Instant firstScanAt, int clients) {
    }

    private static final class State {
        int count;
        Instant first;
        final Set<String> clients = ConcurrentHashMap.newKeySet();
        boolean storedClientsLoaded;
    }

    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger(); // ConcurrentLinkedQueue.size() walks the queue
    private final AtomicLong dropped = new AtomicLong();
    private int failuresInARow;

    @Inject
    ScanWriter writer;

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
     * Records a scan of a stamp.
     *
     * @param stored        the stamp's scans already written (read once per stamp, when this instance first sees it)
     * @param storedClients loads the distinct client hashes already written; called at most once per stamp,
     *                      and only when the caller needs the client count
     */
    public Snapshot record(String stampId, Supplier<ScanTotals> stored, Instant at, String clientHash,
                           boolean needClients, Supplier<List<String>> storedClients) {
        State s = states.computeIfAbsent(stampId, id -> {
            ScanTotals t = stored.get();
            State n = new State();
            n.count = t.count();
            n.first = t.first();
            return n;
        });
        int count;
        Instant first;
        synchronized (s) {
            s.count++;
            if (s.first == null) {
                s.first = at;
            }
            s.clients.add(clientHash);
            if (needClients && !s.storedClientsLoaded) {
                s.clients.addAll(storedClients.get());
                s.storedClientsLoaded = true;
            }
            count = s.count;
            first = s.first;
        }
        queue.add(new Pending(stampId, at, clientHash));
        if (queued.incrementAndGet() > MAX_QUEUED && queue.poll() != null) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
        }
        return new Snapshot(count, first, s.clients.size());
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
        if (states.size() > MAX_TRACKED_STAMPS && queue.isEmpty()) {
            states.clear(); // everything is written: states are rebuilt from the database on the next scan
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
