package vn.temso.listing.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import vn.temso.catalog.publish.DirectoryFeedTarget;
import vn.temso.catalog.publish.FeedTarget;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.files.StoredFile;

/**
 * A cooperative's feeds in the file store, under {@code feeds/<cooperative id>/<file name>}, with the last good item
 * count beside each in {@code feeds/<cooperative id>/.<file name>.last-good}. A candidate is an upload, invisible
 * until the publisher commits it; a held-back candidate is discarded and the last good feed stays.
 */
final class StoredFeedTarget implements FeedTarget {

    private final FileStore files;
    private final String prefix;
    private final Clock clock;

    StoredFeedTarget(FileStore files, String cooperativeId, Clock clock) {
        this(clock, files, Feeds.PREFIX + cooperativeId + "/");
    }

    private StoredFeedTarget(Clock clock, FileStore files, String prefix) {
        this.files = files;
        this.clock = clock;
        this.prefix = prefix;
    }

    /** Feeds kept under another prefix (an area feed's, {@link AreaScope#prefix()}). */
    static StoredFeedTarget under(FileStore files, String prefix, Clock clock) {
        return new StoredFeedTarget(clock, files, prefix);
    }

    static String stateKey(String feedKey) {
        int slash = feedKey.lastIndexOf('/');
        return feedKey.substring(0, slash + 1) + "." + feedKey.substring(slash + 1) + ".last-good";
    }

    @Override
    public Path location(String fileName) {
        return Path.of(prefix + fileName);
    }

    @Override
    public long lastGoodCount(String fileName) throws IOException {
        Optional<StoredFile> state = files.find(stateKey(prefix + fileName));
        if (state.isEmpty()) {
            return -1;
        }
        try (InputStream in = files.open(state.get())) {
            return DirectoryFeedTarget.LastGood.read(in, state.get().key());
        }
    }

    @Override
    public Candidate candidate(String fileName) throws IOException {
        String key = prefix + fileName;
        FileStore.Upload upload = files.create(key, Feeds.contentType(fileName));
        return new Candidate() {
            @Override
            public OutputStream stream() {
                return upload.stream();
            }

            @Override
            public void publish(long itemCount) throws IOException {
                upload.commit();
                ByteArrayOutputStream state = new ByteArrayOutputStream(); // a few dozen bytes
                DirectoryFeedTarget.LastGood.write(state, itemCount, clock.instant());
                files.put(
                        stateKey(key), "text/plain; charset=ISO-8859-1", new ByteArrayInputStream(state.toByteArray()));
            }

            @Override
            public void close() throws IOException {
                upload.close();
            }
        };
    }
}
