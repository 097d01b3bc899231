package vn.temso.catalog.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.stream.Stream;
import vn.temso.catalog.model.CatalogEntry;

/** Turns entries into one channel's feed format. Implementations are stateless; each {@link #open} is one feed. */
public interface FeedWriter {

    Channel channel();

    FeedSink open(OutputStream out) throws IOException;

    /** Streams every entry to {@code out} (deleted entries dropped) and returns the item count. */
    default long write(Iterator<CatalogEntry> entries, OutputStream out) throws IOException {
        FeedSink sink = open(out);
        while (entries.hasNext()) {
            sink.write(entries.next());
        }
        sink.finish();
        return sink.written();
    }

    default long write(Stream<CatalogEntry> entries, OutputStream out) throws IOException {
        return write(entries.iterator(), out);
    }
}
