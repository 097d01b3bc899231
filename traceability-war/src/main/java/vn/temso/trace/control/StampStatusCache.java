package vn.temso.trace.control;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import vn.temso.platform.cache.Bounded;
import vn.temso.platform.cache.GenerationCache;

/**
 * What scans need of each stamp (status, batch status, batch version), kept in memory so that a scan reads nothing
 * from the database. An entry is used only while no public content changed since it was read (the
 * {@code generation}: bumped by every change on this instance at once, and by {@code ChangeSignal} within its poll
 * interval for changes made on other instances) and while it is younger than the time to live, a safety net.
 * Stamps that were not found are not kept: a genuine signature over an unknown serial is rare and must not stick.
 * Bounded by entries and by bytes ({@link Bounded}): when full, single cold entries are evicted, never all of them.
 * Built on {@link GenerationCache}.
 */
public final class StampStatusCache<V> {

    /** Key, entry and map node around the value. */
    private static final int ENTRY_OVERHEAD = 120;

    private final GenerationCache<String, V> entries;

    /** Bounded by entries only (tests; callers that know their values' sizes use the other constructor). */
    public StampStatusCache(Duration ttl, int maxEntries, LongSupplier generation, LongSupplier nanoClock) {
        this(ttl, maxEntries, maxEntries, null, generation, nanoClock);
    }

    /**
     * @param maxBytes estimated bytes of all entries at most
     * @param bytes    estimated bytes of one value; {@code null} to count entries only
     */
    public StampStatusCache(
            Duration ttl,
            int maxEntries,
            long maxBytes,
            ToIntFunction<V> bytes,
            LongSupplier generation,
            LongSupplier nanoClock) {
        this.entries = new GenerationCache<>(
                ttl,
                Duration.ZERO,
                maxEntries,
                maxBytes,
                (k, v) -> bytes == null ? 0 : ENTRY_OVERHEAD + Bounded.chars(k) + bytes.applyAsInt(v),
                generation,
                nanoClock);
    }

    public Optional<V> get(String key, Supplier<Optional<V>> load) {
        return entries.get(key, load);
    }

    /** Updates a kept entry in place (a change this instance made itself and already wrote), keeping its age. */
    public void update(String key, UnaryOperator<V> change) {
        entries.update(key, change);
    }

    /** Entries held now, after pending evictions (for tests). */
    public long size() {
        return entries.size();
    }
}
