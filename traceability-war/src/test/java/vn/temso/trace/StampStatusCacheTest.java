package vn.temso.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.temso.trace.control.StampStatusCache;

class StampStatusCacheTest {

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final StampStatusCache<String> cache =
            new StampStatusCache<>(Duration.ofSeconds(60), 3, generation::get, clock::get);

    private Optional<String> load(String status) {
        loads.incrementAndGet();
        return Optional.ofNullable(status);
    }

    @Test
    void shouldServeTheStatusFromMemoryUntilPublicContentChanges() {
        assertEquals("ISSUED", cache.get("s1", () -> load("ISSUED")).orElseThrow());
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals("ISSUED", cache.get("s1", () -> load("VOIDED")).orElseThrow());
        assertEquals(1, loads.get());
        generation.incrementAndGet(); // a void here, or another instance's void seen through the change signal
        assertEquals("VOIDED", cache.get("s1", () -> load("VOIDED")).orElseThrow());
        assertEquals(2, loads.get());
    }

    @Test
    void shouldReloadAfterTheTimeToLive() {
        cache.get("s1", () -> load("ISSUED"));
        clock.addAndGet(Duration.ofSeconds(60).toNanos());
        assertEquals("RECALLED", cache.get("s1", () -> load("RECALLED")).orElseThrow());
        assertEquals(2, loads.get());
    }

    @Test
    void shouldNotKeepAnEntryReadWhileSomethingChanged() {
        cache.get("s1", () -> {
            generation.incrementAndGet(); // a recall committed while the row was being read
            return load("ISSUED");
        });
        assertEquals("RECALLED", cache.get("s1", () -> load("RECALLED")).orElseThrow());
        assertEquals(2, loads.get());
    }

    @Test
    void shouldNeverKeepAnUnknownStamp() {
        assertTrue(cache.get("s1", () -> load(null)).isEmpty());
        assertEquals("ISSUED", cache.get("s1", () -> load("ISSUED")).orElseThrow());
        assertEquals(2, loads.get());
    }

    @Test
    void shouldUpdateAnEntryInPlace() {
        cache.get("s1", () -> load("ISSUED"));
        cache.update("s1", v -> v + "+FLAGGED");
        cache.update("s9", v -> "never"); // absent: nothing to update
        assertEquals("ISSUED+FLAGGED", cache.get("s1", () -> load("other")).orElseThrow());
        assertEquals(1, loads.get());
    }

    @Test
    void shouldEvictSingleEntriesWhenFullNeverAllOfThem() {
        for (int i = 0; i < 10; i++) { // 7 stamps more than the bound of 3
            String key = "s" + i;
            cache.get(key, () -> load("ISSUED"));
            // emptied when full, it would hold one entry after the 4th stamp
            assertEquals(Math.min(i + 1, 3), cache.size(), "entries after " + (i + 1) + " stamps");
        }
    }

    @Test
    void shouldHoldNoMoreBytesThanItsBound() {
        // 1,000 entries allowed but 100,000 bytes: values of about 10 KB each, so fewer than ten fit
        StampStatusCache<String> c = new StampStatusCache<>(
                Duration.ofSeconds(60), 1_000, 100_000, String::length, generation::get, clock::get);
        for (int i = 0; i < 200; i++) {
            c.get("s" + i, () -> load("x".repeat(10_000)));
            assertTrue(c.size() < 10, c.size() + " entries");
        }
        assertTrue(c.size() >= 1);
    }
}
