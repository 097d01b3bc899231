package vn.temso.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowIdsTest {

    @Test
    void shouldMakeTimeOrderedVersion7Ids() throws InterruptedException {
        String first = RowIds.timeOrdered();
        Thread.sleep(3);
        String later = RowIds.timeOrdered();
        UUID u = UUID.fromString(first);
        assertEquals(7, u.version());
        assertEquals(2, u.variant());
        assertTrue(first.compareTo(later) < 0, "a later id sorts after: " + first + " < " + later);
        assertTrue(
                Math.abs((u.getMostSignificantBits() >>> 16) - System.currentTimeMillis()) < 5_000,
                "the first 48 bits are the time in ms");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(RowIds.timeOrdered());
        }
        assertEquals(100_000, ids.size());
    }
}
