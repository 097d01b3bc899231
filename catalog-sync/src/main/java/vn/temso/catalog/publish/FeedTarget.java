package vn.temso.catalog.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where {@link FeedPublisher} keeps feeds: a directory ({@link DirectoryFeedTarget}) or any store that can hold a
 * candidate invisibly and then replace the feed with it in one step (the server keeps them in its database).
 */
public interface FeedTarget {

    /** Starts a candidate for {@code fileName}; nothing is visible to readers until {@link Candidate#publish}. */
    Candidate candidate(String fileName) throws IOException;

    /** Items in the last good feed, or -1 when none was published yet. */
    long lastGoodCount(String fileName) throws IOException;

    /** What names the feed in results and messages (a real path, or the store's key as a path). */
    Path location(String fileName);

    /** A feed being written; closing it without publishing discards it and leaves the last good feed. */
    interface Candidate extends Closeable {

        OutputStream stream() throws IOException;

        /** Replaces the feed with this candidate in one step and records its item count as the last good one. */
        void publish(long itemCount) throws IOException;
    }
}
