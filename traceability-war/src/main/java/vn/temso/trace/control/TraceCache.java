package vn.temso.trace.control;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Batch parts of trace records by batch id. An entry is used only while all of these hold: the batch's version
 * (read fresh with the stamp at every scan) is the one it was built from, so a recall or any batch edit shows at
 * the next scan on every instance; no public content changed on this instance since it was built (the
 * {@code generation}); and it is younger than the time to live, which bounds how long an edit of a product, zone or
 * cooperative made on another instance of a cluster, or a certificate expiring at midnight, can take to show.
 */
public final class TraceCache {

    private record Entry(TraceParts parts, long generation, long bornNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> loadLocks = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier generation;
    private final LongSupplier clock;

    public TraceCache(Duration ttl, int maxEntries, LongSupplier generation, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.generation = generation;
        this.clock = nanoClock;
    }

    /**
     * @param version the batch version read with the stamp
     * @param load    builds the parts from the database when no usable entry exists
     */
    public TraceParts get(String batchId, int version, Supplier<TraceParts> load) {
        TraceParts hit = usable(batchId, version);
        if (hit != null) {
            return hit;
        }
        // one load per batch at a time: when an entry expires, the requests scanning that batch wait for one
        // load instead of all querying the same rows at once
        synchronized (loadLocks.computeIfAbsent(batchId, k -> new Object())) {
            hit = usable(batchId, version);
            return hit != null ? hit : load(batchId, load);
        }
    }

    private TraceParts usable(String batchId, int version) {
        Entry e = entries.get(batchId);
        return e != null && e.parts().version() >= version && e.generation() == generation.getAsLong()
                && clock.getAsLong() - e.bornNanos() < ttlNanos ? e.parts() : null;
    }

    private TraceParts load(String batchId, Supplier<TraceParts> load) {
        long gen = generation.getAsLong(); // read before loading: a change during the load makes the entry stale
        long now = clock.getAsLong();
        TraceParts fresh = load.get();
        if (ttlNanos > 0) {
            if (entries.size() >= maxEntries) {
                entries.clear(); // rare: more batches scanned within one time to live than the bound
                loadLocks.clear();
            }
            entries.put(batchId, new Entry(fresh, gen, now));
        }
        return fresh;
    }
}
