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
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds in a directory a web server serves. A candidate is a temporary file in the same directory, moved atomically
 * over the feed, so readers see either the old or the new file, never a half-written one. The item count of the
 * last good feed is kept next to it in {@code .<name>.last-good.properties}.
 */
public final class DirectoryFeedTarget implements FeedTarget {

    private static final Logger LOG = Logger.getLogger(DirectoryFeedTarget.class.getName());

    private final Path directory;
    private final Clock clock;

    public DirectoryFeedTarget(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Path location(String fileName) {
        return directory.resolve(fileName);
    }

    @Override
    public Candidate candidate(String fileName) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName);
        Path temp = Files.createTempFile(directory, "." + fileName + ".", ".tmp");
        readableByAll(temp);
        FileChannel file = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = Channels.newOutputStream(file);
        return new Candidate() {
            private boolean moved;

            @Override
            public OutputStream stream() {
                return out;
            }

            @Override
            public void publish(long itemCount) throws IOException {
                file.force(true);
                out.close();
                move(temp, target);
                moved = true;
                writeLastGood(fileName, itemCount);
            }

            @Override
            public void close() throws IOException {
                out.close();
                if (!moved) {
                    Files.deleteIfExists(temp);
                }
            }
        };
    }

    private Path stateFile(String fileName) {
        return directory.resolve("." + fileName + ".last-good.properties");
    }

    @Override
    public long lastGoodCount(String fileName) throws IOException {
        Path state = stateFile(fileName);
        if (!Files.exists(state)) {
            return -1;
        }
        try (InputStream in = Files.newInputStream(state)) {
            return LastGood.read(in, state.toString());
        }
    }

    private void writeLastGood(String fileName, long count) throws IOException {
        Path temp = Files.createTempFile(directory, "." + fileName + ".state.", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                LastGood.write(out, count, clock.instant());
            }
            move(temp, stateFile(fileName));
        } finally {
            Files.deleteIfExists(temp);
        }
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

    /** The small properties document that records the last good feed, shared by every target. */
    public static final class LastGood {
        private LastGood() {}

        public static long read(InputStream in, String name) throws IOException {
            Properties p = new Properties();
            p.load(in);
            try {
                return Long.parseLong(p.getProperty("itemCount", "-1").trim());
            } catch (NumberFormatException e) {
                LOG.warning("unreadable " + name + "; treating the feed as never published");
                return -1;
            }
        }

        public static void write(OutputStream out, long count, java.time.Instant at) throws IOException {
            Properties p = new Properties();
            p.setProperty("itemCount", Long.toString(count));
            p.setProperty("publishedAt", at.toString());
            p.store(out, "last good feed, written by FeedPublisher");
        }
    }
}
