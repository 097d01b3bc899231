package vn.temso.trace.control;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What scans need of each stamp (status, batch status, batch version), kept in memory so that a scan reads nothing
 * from the database. An entry is used only while no public content changed since it was read (the
 * {@code generation}: bumped by every change on this instance at once, and by {@code ChangeSignal} within its poll
 * interval for changes made on other instances) and while it is younger than the time to live, a safety net.
 * Stamps that were not found are not kept: a genuine signature over an unknown serial is rare and must not stick.
 */
public final class StampStatusCache<V> {

    private record Entry<V>(V value, long generation, long bornNanos) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier generation;
    private final LongSupplier clock;

    public StampStatusCache(Duration ttl, int maxEntries, LongSupplier generation, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.generation = generation;
        this.clock = nanoClock;
    }

    public Optional<V> get(String key, Supplier<Optional<V>> load) {
        Entry<V> e = entries.get(key);
        if (e != null && e.generation() == generation.getAsLong() && clock.getAsLong() - e.bornNanos() < ttlNanos) {
            return Optional.of(e.value());
        }
        long gen = generation.getAsLong(); // read before loading: a change during the load makes the entry stale
        long now = clock.getAsLong();
        Optional<V> fresh = load.get();
        if (fresh.isPresent() && ttlNanos > 0) {
            if (entries.size() >= maxEntries) {
                entries.clear(); // rare: more stamps scanned within one time to live than the bound
            }
            entries.put(key, new Entry<>(fresh.get(), gen, now));
        } else {
            entries.remove(key);
        }
        return fresh;
    }

    /** Updates a kept entry in place (a change this instance made itself and already wrote), keeping its age. */
    public void update(String key, UnaryOperator<V> change) {
        entries.computeIfPresent(key, (k, e) -> new Entry<>(change.apply(e.value()), e.generation(), e.bornNanos()));
    }
}
