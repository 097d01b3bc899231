package vn.temso.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.temso.epcis.control.Journey;
import vn.temso.trace.control.TraceCache;
import vn.temso.trace.control.TraceParts;
import vn.temso.trace.control.TraceRecord;

class TraceCacheTest {

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final TraceCache cache = new TraceCache(Duration.ofSeconds(10), 100, generation::get, clock::get);

    private TraceParts parts(int version) {
        return parts("b1", version, "");
    }

    private TraceParts parts(String batchId, int version, String outline) {
        loads.incrementAndGet();
        return new TraceParts(
                batchId,
                version,
                "08930000000017",
                "L1",
                null,
                null,
                null,
                List.of(new TraceRecord.Zone("Z1", "Vùng 1", "Chè", null, null, outline, List.of())),
                List.of(),
                null,
                null,
                Journey.NONE);
    }

    @Test
    void shouldEvictSingleEntriesWhenFullNeverAllOfThem() {
        for (int i = 0; i < 150; i++) { // 50 batches more than the bound of 100
            String id = "b" + i;
            cache.get(id, 1, () -> parts(id, 1, ""));
            // emptied when full, it would hold one entry after the 101st batch
            assertEquals(Math.min(i + 1, 100), cache.size(), "entries after " + (i + 1) + " batches");
        }
    }

    @Test
    void shouldHoldNoMoreBytesOfOutlinesThanItsBound() {
        // 100 batches allowed, but 1 MB in all: outlines of about 200 KB each, so only a few fit
        TraceCache small = new TraceCache(Duration.ofSeconds(10), 100, 1_000_000, generation::get, clock::get);
        String outline = "M0 0L1 1".repeat(25_000);
        for (int i = 0; i < 50; i++) {
            String id = "b" + i;
            small.get(id, 1, () -> parts(id, 1, outline));
        }
        assertTrue(small.size() <= 1_000_000 / 200_000, small.size() + " entries");
        assertTrue(small.size() >= 1);
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
    void shouldAnswerFromAnExpiredEntryWhileTheDatabaseIsUnreachableButNeverAfterAChange() {
        TraceParts first = cache.get("b1", 3, () -> parts(3));
        clock.addAndGet(Duration.ofMinutes(2).toNanos()); // past the time to live, within the stale-if-error grace
        Supplier<TraceParts> unreachable = () -> {
            throw new IllegalStateException(
                    "reading the batch failed", new SQLNonTransientConnectionException("Connection refused", "08001"));
        };
        assertSame(first, cache.get("b1", 3, unreachable));
        // a newer version than the entry, or a change this instance made, is never answered from the old entry
        assertThrows(IllegalStateException.class, () -> cache.get("b1", 4, unreachable));
        generation.incrementAndGet();
        assertThrows(IllegalStateException.class, () -> cache.get("b1", 3, unreachable));
        // a failure that is not a storage fault is not hidden either
        TraceCache other = new TraceCache(Duration.ofSeconds(10), 100, generation::get, clock::get);
        other.get("b2", 1, () -> parts("b2", 1, ""));
        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThrows(
                IllegalArgumentException.class,
                () -> other.get("b2", 1, () -> {
                    throw new IllegalArgumentException("a bug");
                }));
    }

    @Test
    void shouldCacheNothingWithAZeroTimeToLive() {
        TraceCache off = new TraceCache(Duration.ZERO, 100, generation::get, clock::get);
        off.get("b1", 3, () -> parts(3));
        off.get("b1", 3, () -> parts(3));
        assertEquals(2, loads.get());
    }
}
