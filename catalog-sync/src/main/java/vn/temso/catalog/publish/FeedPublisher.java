package vn.temso.catalog.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.feed.FeedSink;
import vn.temso.catalog.feed.FeedWriter;
import vn.temso.catalog.feed.FeedWriters;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.validate.FeedValidator;
import vn.temso.catalog.validate.ItemReport;
import vn.temso.catalog.validate.ValidationError;

/**
 * Writes feeds into a directory the marketplaces fetch from. Entries stream through the validator
 * into a temporary file in the same directory; only if the result passes the {@link PublishPolicy}
 * is it moved atomically over the feed, so readers see either the old or the new file, never a
 * half-written one, and a broken catalog never replaces the last good feed. The item count of the
 * last good feed is kept next to it in {@code .<name>.last-good.properties}.
 * <p>
 * Safe to use from several threads for different file names; publishing the same file name
 * concurrently is the caller's job to prevent.
 */
public final class FeedPublisher {

    private static final Logger LOG = Logger.getLogger(FeedPublisher.class.getName());

    private final Path directory;
    private final PublishPolicy policy;
    private final Clock clock;

    public FeedPublisher(Path directory, PublishPolicy policy, Clock clock) {
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
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
    public PublishResult publish(String fileName, FeedWriter writer, FeedValidator validator,
                                 Iterator<CatalogEntry> entries) throws IOException {
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("feed file name must be a plain file name, got \"" + fileName + "\"");
        }
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName);
        Path temp = Files.createTempFile(directory, "." + fileName + ".", ".tmp");
        readableByAll(temp);
        boolean moved = false;
        try {
            long invalid = 0;
            long deleted = 0;
            List<ItemReport> reports = new ArrayList<>();
            long written;
            try (FileChannel file = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(file)) {
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
                written = sink.written();
                file.force(true);
            }

            long previous = readLastGoodCount(fileName);
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
                move(temp, target);
                moved = true;
                writeLastGood(fileName, written);
                status = PublishResult.Status.PUBLISHED;
                message = "published " + written + " items to " + target
                        + (invalid > 0 ? "; " + invalid + " invalid items left out" : "");
                LOG.info(message);
            } else {
                status = PublishResult.Status.HELD_BACK;
                message = holdMessage(reasons, written, invalid, total, previous, target);
                LOG.warning(message);
            }
            return new PublishResult(status, reasons, message, target, written, invalid, deleted, previous, reports);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private String holdMessage(List<PublishResult.HoldReason> reasons, long written, long invalid, long total,
                               long previous, Path target) {
        List<String> why = new ArrayList<>();
        if (reasons.contains(PublishResult.HoldReason.TOO_MANY_INVALID)) {
            why.add(String.format(Locale.ROOT, "%d of %d items (%.1f %%) failed validation, more than the allowed %.1f %%",
                    invalid, total, 100.0 * invalid / total, 100 * policy.maxInvalidShare()));
        }
        if (reasons.contains(PublishResult.HoldReason.CATALOG_SHRANK)) {
            why.add(String.format(Locale.ROOT, "the feed would shrink from %d to %d items (%.1f %% fewer, more than the allowed %.1f %%)",
                    previous, written, 100.0 * (previous - written) / previous, 100 * policy.maxShrinkShare()));
        }
        return "held back; " + target + " keeps the last good feed: " + String.join("; ", why);
    }

    /** Temp files are created owner-only; the web server that serves the feed must be able to read it. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same directory, so this only happens on exotic file systems
            LOG.log(Level.WARNING, "atomic move not supported in {0}; replacing non-atomically", temp.getParent());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path stateFile(String fileName) {
        return directory.resolve("." + fileName + ".last-good.properties");
    }

    /** Items in the last good feed, or -1 when none was published yet. */
    public long readLastGoodCount(String fileName) throws IOException {
        Path state = stateFile(fileName);
        if (!Files.exists(state)) {
            return -1;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(state)) {
            p.load(in);
        }
        try {
            return Long.parseLong(p.getProperty("itemCount", "-1").trim());
        } catch (NumberFormatException e) {
            LOG.warning("unreadable " + state + "; treating the feed as never published");
            return -1;
        }
    }

    private void writeLastGood(String fileName, long count) throws IOException {
        Properties p = new Properties();
        p.setProperty("itemCount", Long.toString(count));
        p.setProperty("publishedAt", clock.instant().toString());
        Path temp = Files.createTempFile(directory, "." + fileName + ".state.", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                p.store(out, "last good feed, written by FeedPublisher");
            }
            move(temp, stateFile(fileName));
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
