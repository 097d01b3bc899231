package vn.temso.trace.control;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import vn.temso.platform.cache.Bounded;
import vn.temso.platform.persistence.StorageFaults;

/**
 * Batch parts of trace records by batch id. An entry is used only while all of these hold: the batch's version
 * (read fresh with the stamp at every scan) is the one it was built from, so a recall or any batch edit shows at
 * the next scan on every instance; no public content changed on this instance since it was built (the
 * {@code generation}); and it is younger than the time to live, which bounds how long an edit of a product, zone or
 * cooperative made on another instance of a cluster, or a certificate expiring at midnight, can take to show.
 * Bounded by entries and by the estimated bytes of the parts ({@link #bytes}: zone outlines dominate), see
 * {@link Bounded}: when full, single cold entries are evicted, never all of them.
 */
public final class TraceCache {

    private record Entry(TraceParts parts, long generation, long bornNanos) {
    }

    /**
     * How long an expired entry still answers when loading it again meets a storage fault (the database unreachable):
     * a trace page of a batch seen in the last minutes keeps answering instead of 503 (the stamp statuses are kept as
     * long, {@link Traces#STATUS_TTL}); any change this instance knows of (version, generation) still forbids it.
     */
    static final Duration STALE_IF_ERROR = Duration.ofMinutes(5);

    /** Default bound on the estimated bytes of all entries, for callers that give only an entry count. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    private final Cache<String, Entry> entries;
    private final long ttlNanos;
    private final LongSupplier generation;
    private final LongSupplier clock;

    public TraceCache(Duration ttl, int maxEntries, LongSupplier generation, LongSupplier nanoClock) {
        this(ttl, maxEntries, Math.max(maxEntries, DEFAULT_MAX_BYTES), generation, nanoClock);
    }

    public TraceCache(Duration ttl, int maxEntries, long maxBytes, LongSupplier generation, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.generation = generation;
        this.clock = nanoClock;
        this.entries = Bounded.<String, Entry>builder(maxEntries, maxBytes, (k, e) -> bytes(e.parts()))
                // frees expired entries' memory (kept STALE_IF_ERROR longer for a database that went away); whether
                // an entry is used is decided below, exactly as before
                .expireAfterWrite(Math.max(1, ttlNanos) + STALE_IF_ERROR.toNanos(), TimeUnit.NANOSECONDS)
                .ticker(nanoClock::getAsLong)
                .build();
    }

    /**
     * @param version the batch version read with the stamp
     * @param load    builds the parts from the database when no usable entry exists
     */
    public TraceParts get(String batchId, int version, Supplier<TraceParts> load) {
        TraceParts hit = usable(entries.getIfPresent(batchId), version);
        if (hit != null) {
            return hit;
        }
        // one load per batch at a time: when an entry expires, the requests scanning that batch wait for one
        // load (inside the map's compute, which locks this key only) instead of all querying the same rows at once
        TraceParts[] result = new TraceParts[1];
        entries.asMap().compute(batchId, (k, e) -> {
            TraceParts usable = usable(e, version);
            if (usable != null) {
                result[0] = usable;
                return e;
            }
            long gen = generation.getAsLong(); // read before loading: a change during the load makes the entry stale
            long now = clock.getAsLong();
            try {
                result[0] = load.get();
            } catch (RuntimeException failure) {
                if (e != null && StorageFaults.isStorageFault(failure) && e.parts().version() >= version
                        && e.generation() == gen) {
                    result[0] = e.parts(); // stale if error: the next request tries the database again
                    return e;
                }
                throw failure;
            }
            return ttlNanos > 0 ? new Entry(result[0], gen, now) : null;
        });
        return result[0];
    }

    private TraceParts usable(Entry e, int version) {
        return e != null && e.parts().version() >= version && e.generation() == generation.getAsLong()
                && clock.getAsLong() - e.bornNanos() < ttlNanos ? e.parts() : null;
    }

    /** Entries held now, after pending evictions (for tests). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Estimated heap bytes of one batch's parts: the strings, zone outlines first, and a header per object. */
    static int bytes(TraceParts p) {
        long b = 200 + Bounded.chars(p.batchId()) + Bounded.chars(p.gtin()) + Bounded.chars(p.lot());
        if (p.product() != null) {
            var x = p.product();
            b += 64 + Bounded.chars(x.name()) + Bounded.chars(x.description()) + Bounded.chars(x.imageUrl())
                    + Bounded.chars(x.unit());
        }
        if (p.producer() != null) {
            var x = p.producer();
            b += 48 + Bounded.chars(x.name()) + Bounded.chars(x.address()) + Bounded.chars(x.phone());
        }
        if (p.batch() != null) {
            var x = p.batch();
            b += 160 + Bounded.chars(x.unit()) + Bounded.chars(x.status()) + Bounded.chars(x.recallReason());
            if (x.warnings() != null) {
                for (var w : x.warnings()) {
                    b += 48 + Bounded.chars(w.vi()) + Bounded.chars(w.en());
                }
            }
        }
        if (p.zones() != null) {
            for (var z : p.zones()) {
                b += 160 + Bounded.chars(z.code()) + Bounded.chars(z.name()) + Bounded.chars(z.crop())
                        + Bounded.chars(z.svgPath());
                if (z.certifications() != null) {
                    for (String c : z.certifications()) {
                        b += 8 + Bounded.chars(c);
                    }
                }
            }
        }
        if (p.stages() != null) {
            for (var s : p.stages()) {
                b += 80 + Bounded.chars(s.type()) + Bounded.chars(s.zoneCode()) + Bounded.chars(s.note())
                        + Bounded.chars(s.input());
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, b);
    }
}
