package vn.temso.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.temso.trace.control.TraceCache;
import vn.temso.trace.control.TraceParts;

class TraceCacheTest {

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final TraceCache cache = new TraceCache(Duration.ofSeconds(10), 100, generation::get, clock::get);

    private TraceParts parts(int version) {
        loads.incrementAndGet();
        return new TraceParts("b1", version, "08930000000017", "L1", null, null, null, List.of(), List.of(), null, null);
    }

    @Test
    void shouldReuseTheEntryWhileVersionGenerationAndAgeHold() {
        TraceParts first = cache.get("b1", 3, () -> parts(3));
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertSame(first, cache.get("b1", 3, () -> parts(3)));
        assertEquals(1, loads.get());
    }

    @Test
    void shouldReloadWhenTheBatchVersionMoves() {
        cache.get("b1", 3, () -> parts(3));
        assertEquals(4, cache.get("b1", 4, () -> parts(4)).version());
        assertEquals(2, loads.get());
        cache.get("b1", 4, () -> parts(4));
        assertEquals(2, loads.get());
    }

    @Test
    void shouldReloadAfterAnyPublicContentChangeOrTheTimeToLive() {
        cache.get("b1", 3, () -> parts(3));
        generation.incrementAndGet(); // e.g. the product's name was edited on this instance
        cache.get("b1", 3, () -> parts(3));
        assertEquals(2, loads.get());
        clock.addAndGet(Duration.ofSeconds(10).toNanos()); // e.g. an edit on another instance of a cluster
        cache.get("b1", 3, () -> parts(3));
        assertEquals(3, loads.get());
    }

    @Test
    void shouldNotKeepAnEntryLoadedWhileContentChanged() {
        // the generation is read before loading: a change committed during the load leaves the entry stale
        cache.get("b1", 3, () -> {
            generation.incrementAndGet();
            return parts(3);
        });
        cache.get("b1", 3, () -> parts(3));
        assertEquals(2, loads.get());
    }

    @Test
    void shouldCacheNothingWithAZeroTimeToLive() {
        TraceCache off = new TraceCache(Duration.ZERO, 100, generation::get, clock::get);
        off.get("b1", 3, () -> parts(3));
        off.get("b1", 3, () -> parts(3));
        assertEquals(2, loads.get());
    }
}
