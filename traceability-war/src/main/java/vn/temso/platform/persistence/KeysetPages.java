package vn.temso.platform.persistence;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Rows read page by page by a unique, increasing key ("key > last ORDER BY key", served by an index), the next page
 * only once the previous one is used up. One page is held at a time, so a caller that writes each row as it goes
 * (an export, a print file, a feed) needs the same memory for 100 rows as for 100,000, and unlike OFFSET paging a
 * deep page costs no more than the first. Each page is one call of the source (typically its own short transaction).
 */
public final class KeysetPages<R, K> implements Iterator<R> {

    /** Up to {@code size} rows with a key after {@code after}, in key order. */
    @FunctionalInterface
    public interface Source<R, K> {
        List<R> page(K after, int size);
    }

    private final Source<R, K> source;
    private final Function<R, K> key;
    private final int size;
    private List<R> page = List.of();
    private int index;
    private K after;
    private boolean last;

    private KeysetPages(K first, int size, Source<R, K> source, Function<R, K> key) {
        if (size < 1) {
            throw new IllegalArgumentException("page size " + size);
        }
        this.after = first;
        this.size = size;
        this.source = source;
        this.key = key;
    }

    /**
     * @param first the key before the first row (0 for issue numbers, "" for ids)
     * @param key   the key of a row, the {@code after} of the next page
     */
    public static <R, K> Stream<R> stream(K first, int size, Source<R, K> source, Function<R, K> key) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        new KeysetPages<>(first, size, source, key), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public boolean hasNext() {
        if (index < page.size()) {
            return true;
        }
        if (last) {
            return false;
        }
        page = List.of(); // the used-up page can go while the next one is read
        index = 0;
        page = source.page(after, size);
        last = page.size() < size; // a short page is the last: no query that can only come back empty
        if (!page.isEmpty()) {
            after = key.apply(page.get(page.size() - 1));
        }
        return !page.isEmpty();
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(index++);
    }
}
