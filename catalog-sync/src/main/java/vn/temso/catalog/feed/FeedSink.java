package vn.temso.catalog.feed;

import java.io.IOException;
import vn.temso.catalog.model.CatalogEntry;

/** An open feed: entries go in one at a time; {@link #finish()} writes the trailer and flushes. */
public interface FeedSink {

    /** Writes one entry; a deleted entry is dropped on purpose and this returns false. */
    boolean write(CatalogEntry entry) throws IOException;

    /** Items written so far. */
    long written();

    /** Ends the document and flushes; the caller still owns (and closes) the OutputStream. */
    void finish() throws IOException;
}
