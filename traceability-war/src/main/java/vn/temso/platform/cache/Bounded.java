package vn.temso.platform.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;

/**
 * Caffeine caches bounded both by number of entries and by an estimate of the bytes they hold. Caffeine takes one
 * bound (size or weight), so the weight is in bytes and every entry weighs at least {@code maxBytes / maxEntries}:
 * the total weight never exceeds {@code maxBytes}, and so the number of entries never exceeds {@code maxEntries}. When
 * full, Caffeine evicts the entries least likely to be used again (W-TinyLFU), one at a time: nothing is ever
 * dropped wholesale. Maintenance (eviction, expiry) runs on the calling thread, amortised over reads and writes:
 * no background thread in the container, and the bounds hold at once, even under a burst of writes.
 */
public final class Bounded {

    private Bounded() {}

    /**
     * @param bytes the estimated bytes of one entry (key and value), see {@link #chars(String)}
     */
    public static <K, V> Caffeine<K, V> builder(long maxEntries, long maxBytes, Weigher<? super K, ? super V> bytes) {
        if (maxEntries < 1 || maxBytes < maxEntries) {
            throw new IllegalArgumentException("bounds: " + maxEntries + " entries, " + maxBytes + " bytes");
        }
        int floor = (int) Math.min(Integer.MAX_VALUE, maxBytes / maxEntries);
        Weigher<K, V> weigher = (k, v) -> Math.max(floor, bytes.weigh(k, v));
        // floor x maxEntries <= maxBytes: exactly maxEntries small entries fit, never one more
        return Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumWeight(floor * maxEntries)
                .weigher(weigher);
    }

    /** Bytes of a string on the heap: headers, then one byte a character if all are Latin-1, else two. */
    public static int chars(String s) {
        if (s == null) {
            return 0;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return 40 + 2 * s.length(); // Vietnamese text
            }
        }
        return 40 + s.length();
    }
}
