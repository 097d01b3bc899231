package vn.temso.label;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Iterator;
import java.util.stream.Stream;
import vn.temso.label.item.LabelItem;

/** Prints label items to a stream: PDF sheets or ZPL. The list and stream forms share one way to count. */
public interface LabelWriter {

    /**
     * Prints items as they come.
     *
     * @param total how many items the iterator will give, for progress; -1 if unknown
     * @param out   receives the output; flushed, not closed
     */
    PrintSummary write(Iterator<LabelItem> items, long total, OutputStream out) throws IOException;

    /** Prints a list (its size is the progress total). */
    default PrintSummary write(Iterable<LabelItem> items, OutputStream out) throws IOException {
        long total = items instanceof Collection<?> c ? c.size() : -1;
        return write(items.iterator(), total, out);
    }

    /** Prints a stream of unknown length, pulling one item at a time. */
    default PrintSummary write(Stream<LabelItem> items, OutputStream out) throws IOException {
        return write(items.iterator(), -1, out);
    }
}
