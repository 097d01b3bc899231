package vn.temso.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

class BoundedTest {

    private static long held(Cache<?, ?> c) {
        c.cleanUp();
        return c.estimatedSize();
    }

    @Test
    void shouldHoldAtMostMaxEntriesOfSmallEntriesAndEvictOneByOne() {
        Cache<Integer, String> c =
                Bounded.<Integer, String>builder(100, 1_000_000, (k, v) -> 10).build();
        for (int i = 0; i < 1_000; i++) {
            c.put(i, "v" + i);
            assertTrue(held(c) <= 100, "entries " + held(c) + " after " + (i + 1) + " puts");
        }
        assertEquals(100, held(c)); // full, never emptied
    }

    @Test
    void shouldHoldAtMostMaxBytesOfLargeEntries() {
        Cache<Integer, byte[]> c = Bounded.<Integer, byte[]>builder(100, 100_000, (k, v) -> v.length)
                .build();
        for (int i = 0; i < 1_000; i++) {
            c.put(i, new byte[10_000]);
        }
        assertEquals(10, held(c)); // ten of 10,000 bytes fill 100,000 bytes: the byte bound bites first
        long bytes = c.asMap().values().stream().mapToLong(v -> v.length).sum();
        assertTrue(bytes <= 100_000, bytes + " bytes");
    }

    @Test
    void shouldFitExactlyMaxEntriesWhenTheBytesDoNotDivideEvenly() {
        Cache<Integer, String> c =
                Bounded.<Integer, String>builder(30, 100, (k, v) -> 0).build();
        for (int i = 0; i < 100; i++) {
            c.put(i, "v");
        }
        assertEquals(30, held(c));
    }

    @Test
    void shouldCountStringsAsTheHeapHoldsThem() {
        assertEquals(0, Bounded.chars(null));
        assertEquals(40 + 5, Bounded.chars("TT-01"));
        assertEquals(40 + 4, Bounded.chars("Càphê".substring(1))); // Latin-1 accents: one byte each
        assertEquals(40 + 2 * 5, Bounded.chars("Cương"));
    }
}
