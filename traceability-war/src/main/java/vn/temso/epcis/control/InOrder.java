package vn.temso.epcis.control;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Two streams, each already in order, read as one in that order (a merge step: one element of each held). */
final class InOrder<T> implements Iterator<T> {

    private final Iterator<T> a;
    private final Iterator<T> b;
    private final Comparator<? super T> order;
    private T nextA;
    private T nextB;

    private InOrder(Iterator<T> a, Iterator<T> b, Comparator<? super T> order) {
        this.a = a;
        this.b = b;
        this.order = order;
        this.nextA = a.hasNext() ? a.next() : null;
        this.nextB = b.hasNext() ? b.next() : null;
    }

    /** The merged stream; closing it closes both. Elements must not be null. */
    static <T> Stream<T> merge(Stream<T> a, Stream<T> b, Comparator<? super T> order) {
        return StreamSupport.stream(
                        () -> Spliterators.spliteratorUnknownSize(
                                new InOrder<>(a.iterator(), b.iterator(), order), Spliterator.ORDERED),
                        Spliterator.ORDERED,
                        false)
                .onClose(() -> {
                    try (a) {
                        b.close();
                    }
                });
    }

    @Override
    public boolean hasNext() {
        return nextA != null || nextB != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T out;
        if (nextB == null || nextA != null && order.compare(nextA, nextB) <= 0) {
            out = nextA;
            nextA = a.hasNext() ? a.next() : null;
        } else {
            out = nextB;
            nextB = b.hasNext() ? b.next() : null;
        }
        return out;
    }
}
