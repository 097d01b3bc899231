package vn.temso.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Weigher;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A {@link Bounded} cache of values read from the database, each kept with the change generation it was read at and
 * the time it was read. An entry is used only while the generation (bumped by every change of what it shows) is the
 * same and it is younger than the time to live; the generation is read before loading, so a change committed during
 * the load makes the new entry stale at once. The generation and the clock are given, so tests drive both.
 */
public final class GenerationCache<K, V> {

    private record Entry<V>(V value, long generation, long bornNanos) {}

    private final Cache<K, Entry<V>> entries;
    private final long ttlNanos;
    private final LongSupplier generation;
    private final LongSupplier clock;

    /**
     * @param ttl         how long an entry is used at most; zero keeps nothing
     * @param keepExpired how much longer an entry stays in memory, for the stale-if-error answer of {@link #getOnce}
     * @param bytes       estimated bytes of one entry (key and value), see {@link Bounded#chars}
     * @param nanoClock   a monotonic clock in nanoseconds ({@link System#nanoTime} in production)
     */
    public GenerationCache(
            Duration ttl,
            Duration keepExpired,
            long maxEntries,
            long maxBytes,
            Weigher<? super K, ? super V> bytes,
            LongSupplier generation,
            LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.generation = generation;
        this.clock = nanoClock;
        this.entries = Bounded.<K, Entry<V>>builder(maxEntries, maxBytes, (k, e) -> bytes.weigh(k, e.value()))
                // frees expired entries' memory; whether an entry is used is decided by usable(), not by Caffeine
                .expireAfterWrite(Math.max(1, ttlNanos) + keepExpired.toNanos(), TimeUnit.NANOSECONDS)
                .ticker(nanoClock::getAsLong)
                .build();
    }

    /**
     * The kept value if usable, else {@code load}'s; a value is kept only if present. Concurrent misses of one key
     * load concurrently (nothing is locked while loading).
     */
    public Optional<V> get(K key, Supplier<Optional<V>> load) {
        V hit = usable(entries.getIfPresent(key), v -> true);
        if (hit != null) {
            return Optional.of(hit);
        }
        long gen = generation.getAsLong(); // before loading: a change during the load makes the entry stale
        long now = clock.getAsLong();
        Optional<V> fresh = load.get();
        if (fresh.isPresent() && ttlNanos > 0) {
            entries.put(key, new Entry<>(fresh.get(), gen, now));
        } else {
            entries.invalidate(key);
        }
        return fresh;
    }

    /**
     * The kept value if usable and {@code current}, else {@code load}'s, loaded once per key at a time: concurrent
     * misses of one key wait for one load (inside the map's compute, which locks this key only) instead of all
     * querying the same rows at once. If the load fails with an error {@code staleIfError} accepts, an expired entry
     * that is still current and of the same generation answers instead, and the next request tries again.
     *
     * @param current whether a kept value is recent enough for this request (e.g. its version is not older)
     */
    public V getOnce(
            K key, Predicate<? super V> current, Supplier<V> load, Predicate<? super RuntimeException> staleIfError) {
        V hit = usable(entries.getIfPresent(key), current);
        if (hit != null) {
            return hit;
        }
        Object[] result = new Object[1];
        entries.asMap().compute(key, (k, e) -> {
            V usable = usable(e, current);
            if (usable != null) {
                result[0] = usable;
                return e;
            }
            long gen = generation.getAsLong(); // before loading: a change during the load makes the entry stale
            long now = clock.getAsLong();
            V loaded;
            try {
                loaded = load.get();
            } catch (RuntimeException failure) {
                if (e != null && staleIfError.test(failure) && current.test(e.value()) && e.generation() == gen) {
                    result[0] = e.value();
                    return e;
                }
                throw failure;
            }
            result[0] = loaded;
            return ttlNanos > 0 ? new Entry<>(loaded, gen, now) : null;
        });
        @SuppressWarnings("unchecked")
        V value = (V) result[0];
        return value;
    }

    /** Updates a kept entry in place (a change this instance made itself and already wrote), keeping its age. */
    public void update(K key, UnaryOperator<V> change) {
        entries.asMap()
                .computeIfPresent(key, (k, e) -> new Entry<>(change.apply(e.value()), e.generation(), e.bornNanos()));
    }

    /** Entries held now, after pending evictions (for tests). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private V usable(Entry<V> e, Predicate<? super V> current) {
        return e != null
                        && current.test(e.value())
                        && e.generation() == generation.getAsLong()
                        && clock.getAsLong() - e.bornNanos() < ttlNanos
                ? e.value()
                : null;
    }
}
