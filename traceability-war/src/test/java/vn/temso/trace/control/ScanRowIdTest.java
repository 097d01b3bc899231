package vn.temso.trace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScanRowIdTest {

    @Test
    void shouldMakeTimeOrderedVersion7Ids() throws InterruptedException {
        String first = ScanWriter.rowId();
        Thread.sleep(3);
        String later = ScanWriter.rowId();
        UUID u = UUID.fromString(first);
        assertEquals(7, u.version());
        assertEquals(2, u.variant());
        assertTrue(first.compareTo(later) < 0, "a later id sorts after: " + first + " < " + later);
        assertTrue(Math.abs((u.getMostSignificantBits() >>> 16) - System.currentTimeMillis()) < 5_000,
                "the first 48 bits are the time in ms");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(ScanWriter.rowId());
        }
        assertEquals(100_000, ids.size());
    }
}
