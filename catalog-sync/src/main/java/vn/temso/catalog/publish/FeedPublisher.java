package vn.temso.catalog.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.feed.FeedSink;
import vn.temso.catalog.feed.FeedWriter;
import vn.temso.catalog.feed.FeedWriters;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.validate.FeedValidator;
import vn.temso.catalog.validate.ItemReport;
import vn.temso.catalog.validate.ValidationError;

/**
 * Writes feeds into a {@link FeedTarget} the marketplaces fetch from (a directory by default). Entries stream
 * through the validator into a candidate the target keeps invisible; only if the result passes the
 * {@link PublishPolicy} does the candidate replace the feed in one step, so readers see either the old or the new
 * feed, never a half-written one, and a broken catalog never replaces the last good feed.
 * <p>
 * Messages name no file or path (they are shown to people who may not see the server); {@link PublishResult#feed()}
 * names the feed.
 * <p>
 * Safe to use from several threads for different file names; publishing the same file name
 * concurrently is the caller's job to prevent.
 */
public final class FeedPublisher {

    private static final Logger LOG = Logger.getLogger(FeedPublisher.class.getName());

    private final FeedTarget target;
    private final PublishPolicy policy;

    public FeedPublisher(FeedTarget target, PublishPolicy policy) {
        this.target = target;
        this.policy = policy;
    }

    public FeedPublisher(Path directory, PublishPolicy policy, Clock clock) {
        this(new DirectoryFeedTarget(directory, clock), policy);
    }

    public FeedPublisher(Path directory) {
        this(directory, PublishPolicy.DEFAULT, Clock.systemUTC());
    }

    /** Publishes with the channel's own writer and validator. */
    public PublishResult publish(String fileName, Channel channel, FeedOptions options, Iterator<CatalogEntry> entries)
            throws IOException {
        return publish(fileName, FeedWriters.forChannel(channel, options), FeedValidator.forChannel(channel), entries);
    }

    /** As above, for a stream (e.g. a JPA result stream); the caller closes the stream. */
    public PublishResult publish(String fileName, Channel channel, FeedOptions options, Stream<CatalogEntry> entries)
            throws IOException {
        return publish(fileName, channel, options, entries.iterator());
    }

    /**
     * Validates and writes every entry, then publishes or holds back. Invalid items are left out of
     * the file and reported. If reading the entries fails midway the temporary file is removed and
     * the exception propagates; the last good feed stays.
     */
    public PublishResult publish(
            String fileName, FeedWriter writer, FeedValidator validator, Iterator<CatalogEntry> entries)
            throws IOException {
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("feed file name must be a plain file name, got \"" + fileName + "\"");
        }
        Path feed = target.location(fileName);
        try (FeedTarget.Candidate candidate = target.candidate(fileName)) {
            long invalid = 0;
            long deleted = 0;
            List<ItemReport> reports = new ArrayList<>();
            OutputStream out = candidate.stream();
            FeedSink sink = writer.open(out);
            while (entries.hasNext()) {
                CatalogEntry entry = entries.next();
                if (entry.deleted()) {
                    deleted++;
                    continue;
                }
                List<ValidationError> errors = validator.validate(entry);
                if (errors.isEmpty()) {
                    sink.write(entry);
                } else {
                    invalid++;
                    if (reports.size() < policy.maxReportedItems()) {
                        reports.add(new ItemReport(entry.id(), errors));
                    }
                }
            }
            sink.finish();
            long written = sink.written();
            out.flush();

            long previous = target.lastGoodCount(fileName);
            List<PublishResult.HoldReason> reasons = new ArrayList<>();
            long total = written + invalid;
            if (total > 0 && (double) invalid / total > policy.maxInvalidShare()) {
                reasons.add(PublishResult.HoldReason.TOO_MANY_INVALID);
            }
            if (previous > 0 && (double) (previous - written) / previous > policy.maxShrinkShare()) {
                reasons.add(PublishResult.HoldReason.CATALOG_SHRANK);
            }
            String message;
            PublishResult.Status status;
            if (reasons.isEmpty()) {
                candidate.publish(written);
                status = PublishResult.Status.PUBLISHED;
                message = "published " + written + " items"
                        + (invalid > 0 ? "; " + invalid + " invalid items left out" : "");
                LOG.info(() -> feed + ": " + message);
            } else {
                status = PublishResult.Status.HELD_BACK;
                message = holdMessage(reasons, written, invalid, total, previous);
                LOG.warning(feed + ": " + message);
            }
            return new PublishResult(status, reasons, message, feed, written, invalid, deleted, previous, reports);
        }
    }

    private String holdMessage(
            List<PublishResult.HoldReason> reasons, long written, long invalid, long total, long previous) {
        List<String> why = new ArrayList<>();
        if (reasons.contains(PublishResult.HoldReason.TOO_MANY_INVALID)) {
            why.add(String.format(
                    Locale.ROOT,
                    "%d of %d items (%.1f %%) failed validation, more than the allowed %.1f %%",
                    invalid,
                    total,
                    100.0 * invalid / total,
                    100 * policy.maxInvalidShare()));
        }
        if (reasons.contains(PublishResult.HoldReason.CATALOG_SHRANK)) {
            why.add(String.format(
                    Locale.ROOT,
                    "the feed would shrink from %d to %d items (%.1f %% fewer, more than the allowed %.1f %%)",
                    previous,
                    written,
                    100.0 * (previous - written) / previous,
                    100 * policy.maxShrinkShare()));
        }
        return "held back, the last good feed stays: " + String.join("; ", why);
    }

    /** Items in the last good feed, or -1 when none was published yet. */
    public long readLastGoodCount(String fileName) throws IOException {
        return target.lastGoodCount(fileName);
    }
}
