package vn.temso.trace.control;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import vn.temso.platform.cache.Bounded;

/**
 * What scans need of each stamp (status, batch status, batch version), kept in memory so that a scan reads nothing
 * from the database. An entry is used only while no public content changed since it was read (the
 * {@code generation}: bumped by every change on this instance at once, and by {@code ChangeSignal} within its poll
 * interval for changes made on other instances) and while it is younger than the time to live, a safety net.
 * Stamps that were not found are not kept: a genuine signature over an unknown serial is rare and must not stick.
 * Bounded by entries and by bytes ({@link Bounded}): when full, single cold entries are evicted, never all of them.
 */
public final class StampStatusCache<V> {

    private record Entry<V>(V value, long generation, long bornNanos) {
    }

    /** Key, entry and map node around the value. */
    private static final int ENTRY_OVERHEAD = 120;

    private final Cache<String, Entry<V>> entries;
    private final long ttlNanos;
    private final LongSupplier generation;
    private final LongSupplier clock;

    /** Bounded by entries only (tests; callers that know their values' sizes use the other constructor). */
    public StampStatusCache(Duration ttl, int maxEntries, LongSupplier generation, LongSupplier nanoClock) {
        this(ttl, maxEntries, maxEntries, null, generation, nanoClock);
    }

    /**
     * @param maxBytes estimated bytes of all entries at most
     * @param bytes    estimated bytes of one value; {@code null} to count entries only
     */
    public StampStatusCache(Duration ttl, int maxEntries, long maxBytes, ToIntFunction<V> bytes,
                            LongSupplier generation, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.generation = generation;
        this.clock = nanoClock;
        this.entries = Bounded.<String, Entry<V>>builder(maxEntries, maxBytes,
                        (k, e) -> bytes == null ? 0 : ENTRY_OVERHEAD + Bounded.chars(k) + bytes.applyAsInt(e.value()))
                // frees expired entries' memory; whether an entry is used is decided below, exactly as before
                .expireAfterWrite(Math.max(1, ttlNanos), TimeUnit.NANOSECONDS)
                .ticker(nanoClock::getAsLong)
                .build();
    }

    public Optional<V> get(String key, Supplier<Optional<V>> load) {
        Entry<V> e = entries.getIfPresent(key);
        if (e != null && e.generation() == generation.getAsLong() && clock.getAsLong() - e.bornNanos() < ttlNanos) {
            return Optional.of(e.value());
        }
        long gen = generation.getAsLong(); // read before loading: a change during the load makes the entry stale
        long now = clock.getAsLong();
        Optional<V> fresh = load.get();
        if (fresh.isPresent() && ttlNanos > 0) {
            entries.put(key, new Entry<>(fresh.get(), gen, now));
        } else {
            entries.invalidate(key);
        }
        return fresh;
    }

    /** Updates a kept entry in place (a change this instance made itself and already wrote), keeping its age. */
    public void update(String key, UnaryOperator<V> change) {
        entries.asMap().computeIfPresent(key, (k, e) -> new Entry<>(change.apply(e.value()), e.generation(),
                e.bornNanos()));
    }

    /** Entries held now, after pending evictions (for tests). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
