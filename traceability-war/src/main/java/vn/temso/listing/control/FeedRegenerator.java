package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.ColumnMapping;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.feed.FeedSink;
import vn.temso.catalog.feed.FeedWriter;
import vn.temso.catalog.feed.FeedWriters;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.publish.FeedPublisher;
import vn.temso.catalog.publish.PublishResult;
import vn.temso.catalog.validate.FeedValidator;
import vn.temso.listing.entity.ListingFeed;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.persistence.KeysetPages;
import vn.temso.platform.time.FarmTime;

/**
 * Regenerates dirty feed files through {@link FeedPublisher}, so the publish gate applies: a feed where too
 * many items fail validation, or that shrank suspiciously, never replaces the last good one. Feeds are kept in the
 * file store (the shared database), so any instance serves them.
 */
@ApplicationScoped
public class FeedRegenerator {

    private static final Logger LOG = Logger.getLogger(FeedRegenerator.class.getName());
    private static final int PAGE = 500;

    @Inject
    Feeds feeds;

    @Inject
    SyncSettings settings;

    @Inject
    FileStore files;

    @Inject
    Clock clock;

    /** Called from the scheduler thread only, so one feed file is never published twice at once here. */
    public void regenerateDirty() {
        for (ListingFeed f : feeds.dirty()) {
            regenerate(f);
        }
    }

    void regenerate(ListingFeed f) {
        LocalDate today = FarmTime.today(clock);
        FeedOptions options = options(f.getCooperativeId(), f.getChannel(), today)
                .withMapping(feeds.mapping(f.getCooperativeId(), f.getChannel()));
        FeedPublisher publisher =
                new FeedPublisher(new StoredFeedTarget(files, f.getCooperativeId(), clock), settings.publishPolicy());
        try {
            PublishResult r = publisher.publish(
                    Feeds.fileName(f.getChannel()),
                    FeedWriters.forChannel(f.getChannel(), options),
                    settings.validator(f.getChannel()),
                    entries(f, today));
            feeds.finish(f.getId(), f.getGeneration(), r, null);
            Level level = r.published() ? Level.FINE : Level.WARNING;
            LOG.log(level, () -> "Feed " + f.getId() + ": " + r.message());
        } catch (IOException | RuntimeException e) {
            // stays dirty: the next tick tries again; the last good file is untouched
            LOG.log(Level.WARNING, "Feed " + f.getId() + " could not be regenerated", e);
            // the exception may name server paths: the status says only what happened, the log has the rest
            feeds.finish(f.getId(), f.getGeneration(), null, "regeneration failed; the server log has the details");
        }
    }

    /** The options of a cooperative's feed, without a column mapping (the caller adds the one it means). */
    FeedOptions options(String cooperativeId, Channel channel, LocalDate today) {
        String coopName = feeds.cooperativeName(cooperativeId);
        return FeedOptions.forDay(today)
                .withFeedHeader(
                        (coopName == null ? "Temso" : coopName) + " – " + channel.cliName(),
                        settings.publicBaseUrl(),
                        "Sản phẩm OCOP của " + (coopName == null ? "hợp tác xã" : coopName));
    }

    /**
     * The first {@code rows} items of a cooperative's feed of a delimited channel as it would be written with this
     * mapping: the same entries, order, validation and writer as {@link #regenerate}, nothing published. Returns the
     * file's bytes (with the byte order mark the channel writes).
     */
    byte[] preview(String cooperativeId, Channel channel, ColumnMapping mapping, int rows) {
        LocalDate today = FarmTime.today(clock);
        FeedWriter writer = FeedWriters.forChannel(
                channel, options(cooperativeId, channel, today).withMapping(mapping));
        FeedValidator validator = settings.validator(channel);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FeedSink sink = writer.open(out);
            String after = "";
            while (sink.written() < rows) {
                List<Feeds.Entry> page = feeds.page(cooperativeId, channel, after, PAGE, today);
                if (page.isEmpty()) {
                    break;
                }
                for (Feeds.Entry e : page) {
                    after = e.listingId();
                    // as FeedPublisher: withdrawn entries and those the channel refuses are left out
                    if (sink.written() < rows
                            && !e.entry().deleted()
                            && validator.validate(e.entry()).isEmpty()) {
                        sink.write(e.entry());
                    }
                }
            }
            sink.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Streams a feed's entries page by page, each page read in its own short transaction. */
    private Iterator<CatalogEntry> entries(ListingFeed feed, LocalDate today) {
        return KeysetPages.stream(
                        "",
                        PAGE,
                        (after, size) -> feeds.page(feed.getCooperativeId(), feed.getChannel(), after, size, today),
                        Feeds.Entry::listingId)
                .map(Feeds.Entry::entry)
                .iterator();
    }
}
