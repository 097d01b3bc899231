package vn.temso.trace.control;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import vn.temso.epcis.control.CustodyStep;
import vn.temso.epcis.control.Journey;
import vn.temso.platform.cache.Bounded;
import vn.temso.platform.cache.GenerationCache;
import vn.temso.platform.persistence.StorageFaults;

/**
 * Batch parts of trace records by batch id. An entry is used only while all of these hold: the batch's version
 * (read fresh with the stamp at every scan) is the one it was built from, so a recall or any batch edit shows at
 * the next scan on every instance; no public content changed on this instance since it was built (the
 * {@code generation}); and it is younger than the time to live, which bounds how long an edit of a product, zone or
 * cooperative made on another instance of a cluster, or a certificate expiring at midnight, can take to show.
 * Bounded by entries and by the estimated bytes of the parts ({@link #bytes}: zone outlines dominate), see
 * {@link Bounded}: when full, single cold entries are evicted, never all of them. Built on {@link GenerationCache}.
 */
public final class TraceCache {

    /**
     * How long an expired entry still answers when loading it again meets a storage fault (the database unreachable):
     * a trace page of a batch seen in the last minutes keeps answering instead of 503 (the stamp statuses are kept as
     * long, {@link Traces#STATUS_TTL}); any change this instance knows of (version, generation) still forbids it.
     */
    static final Duration STALE_IF_ERROR = Duration.ofMinutes(5);

    /** Default bound on the estimated bytes of all entries, for callers that give only an entry count. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    private final GenerationCache<String, TraceParts> entries;

    public TraceCache(Duration ttl, int maxEntries, LongSupplier generation, LongSupplier nanoClock) {
        this(ttl, maxEntries, Math.max(maxEntries, DEFAULT_MAX_BYTES), generation, nanoClock);
    }

    public TraceCache(Duration ttl, int maxEntries, long maxBytes, LongSupplier generation, LongSupplier nanoClock) {
        this.entries = new GenerationCache<>(
                ttl, STALE_IF_ERROR, maxEntries, maxBytes, (k, parts) -> bytes(parts), generation, nanoClock);
    }

    /**
     * @param version the batch version read with the stamp
     * @param load    builds the parts from the database when no usable entry exists
     */
    public TraceParts get(String batchId, int version, Supplier<TraceParts> load) {
        return entries.getOnce(batchId, parts -> parts.version() >= version, load, StorageFaults::isStorageFault);
    }

    /** Entries held now, after pending evictions (for tests). */
    public long size() {
        return entries.size();
    }

    /** Estimated heap bytes of one batch's parts: the strings, zone outlines first, and a header per object. */
    static int bytes(TraceParts p) {
        long b = 200 + Bounded.chars(p.batchId()) + Bounded.chars(p.gtin()) + Bounded.chars(p.lot());
        if (p.product() != null) {
            var x = p.product();
            b += 64
                    + Bounded.chars(x.name())
                    + Bounded.chars(x.description())
                    + Bounded.chars(x.imageUrl())
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
                b += 160
                        + Bounded.chars(z.code())
                        + Bounded.chars(z.name())
                        + Bounded.chars(z.crop())
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
                b += 80
                        + Bounded.chars(s.type())
                        + Bounded.chars(s.zoneCode())
                        + Bounded.chars(s.note())
                        + Bounded.chars(s.input());
            }
        }
        b += bytes(p.journey());
        return (int) Math.min(Integer.MAX_VALUE, b);
    }

    /** Estimated heap bytes of a journey: its names and codes, and a header per object. */
    static long bytes(Journey j) {
        if (j == null) {
            return 0;
        }
        long b = 96;
        for (var z : j.zones()) {
            b += 64 + Bounded.chars(z.code()) + Bounded.chars(z.name()) + Bounded.chars(z.commune());
        }
        for (var l : java.util.stream.Stream.concat(j.inputs().stream(), j.madeInto().stream())
                .toList()) {
            b += 120
                    + Bounded.chars(l.gtin())
                    + Bounded.chars(l.lotCode())
                    + Bounded.chars(l.productName())
                    + Bounded.chars(l.cooperativeName())
                    + Bounded.chars(l.unit())
                    + Bounded.chars(l.tracePath());
        }
        for (var s : java.util.stream.Stream.concat(j.received().stream(), j.forward().stream())
                .toList()) {
            b += 96 + bytes(s.party()) + bytes(s.from());
            if (s.place() != null) {
                b += 40
                        + Bounded.chars(s.place().name())
                        + Bounded.chars(s.place().gln())
                        + Bounded.chars(s.place().zoneCode());
            }
        }
        return b;
    }

    private static long bytes(CustodyStep.Party p) {
        return p == null ? 0 : 40 + Bounded.chars(p.name()) + Bounded.chars(p.gln());
    }
}
