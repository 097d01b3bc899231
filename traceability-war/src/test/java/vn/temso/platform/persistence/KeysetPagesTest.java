package vn.temso.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysetPagesTest {

    /** Rows 1..total by key; records each page asked for as its "after" key. */
    private static final class Table implements KeysetPages.Source<Integer, Integer> {
        final int total;
        final List<Integer> asked = new ArrayList<>();

        Table(int total) {
            this.total = total;
        }

        @Override
        public List<Integer> page(Integer after, int size) {
            asked.add(after);
            return IntStream.rangeClosed(after + 1, Math.min(total, after + size))
                    .boxed()
                    .toList();
        }
    }

    @Test
    void shouldReadEveryRowOnceInKeyOrderPageByPage() {
        Table t = new Table(10_001);
        List<Integer> all = KeysetPages.stream(0, 1_000, t, r -> r).toList();
        assertEquals(IntStream.rangeClosed(1, 10_001).boxed().toList(), all);
        // each page starts after the last key of the one before; the short 11th page is the last query
        assertEquals(IntStream.rangeClosed(0, 10).map(i -> i * 1_000).boxed().toList(), t.asked);
    }

    @Test
    void shouldAskOnceMoreOnlyWhenTheLastPageWasFull() {
        Table t = new Table(2_000);
        assertEquals(2_000, KeysetPages.stream(0, 1_000, t, r -> r).count());
        assertEquals(List.of(0, 1_000, 2_000), t.asked);
        Table empty = new Table(0);
        assertEquals(0, KeysetPages.stream(0, 1_000, empty, r -> r).count());
        assertEquals(List.of(0), empty.asked);
    }

    @Test
    void shouldReadTheNextPageOnlyWhenTheCurrentOneIsUsedUp() {
        Table t = new Table(5_000);
        Iterator<Integer> rows = KeysetPages.stream(0, 1_000, t, r -> r).iterator();
        assertTrue(t.asked.isEmpty(), "nothing is read before the first row is wanted");
        for (int i = 1; i <= 1_000; i++) {
            assertEquals(i, rows.next());
        }
        assertEquals(1, t.asked.size(), "one page held while its rows are used");
        rows.next();
        assertEquals(2, t.asked.size());
    }
}
