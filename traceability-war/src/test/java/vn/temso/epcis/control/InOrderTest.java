package vn.temso.epcis.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InOrderTest {

    @Test
    void mergesTwoOrderedStreamsKeepingTheOrderAndTheFirstOnTies() {
        List<String> merged = InOrder.merge(
                        Stream.of("a1", "c1", "d1"),
                        Stream.of("b2", "c2", "e2", "f2"),
                        Comparator.comparing((String s) -> s.charAt(0)))
                .toList();
        assertEquals(List.of("a1", "b2", "c1", "c2", "d1", "e2", "f2"), merged);
    }

    @Test
    void emptySidesAndClosingBoth() {
        AtomicInteger closed = new AtomicInteger();
        try (Stream<Integer> s = InOrder.merge(
                Stream.<Integer>empty().onClose(closed::incrementAndGet),
                Stream.of(1, 2).onClose(closed::incrementAndGet),
                Comparator.naturalOrder())) {
            assertEquals(List.of(1, 2), s.toList());
        }
        assertEquals(2, closed.get());
        assertTrue(InOrder.merge(Stream.<Integer>empty(), Stream.<Integer>empty(), Comparator.naturalOrder())
                .findAny()
                .isEmpty());
    }
}
