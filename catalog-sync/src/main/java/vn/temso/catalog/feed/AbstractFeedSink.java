package vn.temso.catalog.feed;

import java.io.IOException;
import vn.temso.catalog.model.CatalogEntry;

/** Drops deleted entries and counts the rest, so every writer handles deletion the same way. */
abstract class AbstractFeedSink implements FeedSink {

    private long written;

    @Override
    public final boolean write(CatalogEntry entry) throws IOException {
        if (entry.deleted()) {
            return false;
        }
        writeItem(entry);
        written++;
        return true;
    }

    @Override
    public final long written() {
        return written;
    }

    protected abstract void writeItem(CatalogEntry entry) throws IOException;
}
