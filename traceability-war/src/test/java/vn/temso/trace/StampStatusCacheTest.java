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
    private final StampStatusCache<String> cache = new StampStatusCache<>(Duration.ofSeconds(60), 3, generation::get,
            clock::get);

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
    void shouldUpdateAnEntryInPlaceAndStayBounded() {
        cache.get("s1", () -> load("ISSUED"));
        cache.update("s1", v -> v + "+FLAGGED");
        cache.update("s9", v -> "never"); // absent: nothing to update
        assertEquals("ISSUED+FLAGGED", cache.get("s1", () -> load("other")).orElseThrow());
        cache.get("s2", () -> load("A"));
        cache.get("s3", () -> load("B"));
        cache.get("s4", () -> load("C")); // over the bound of 3: everything is dropped, then s4 kept
        assertEquals("fresh", cache.get("s1", () -> load("fresh")).orElseThrow());
    }
}
