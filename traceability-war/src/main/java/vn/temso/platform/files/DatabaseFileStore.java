package vn.temso.platform.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The default {@link FileStore}: the shared database, so every instance of a cluster reads what any instance
 * wrote, and the database backup holds the files too. Bytes go in and out {@link #CHUNK} at a time: an upload
 * holds one chunk buffer, a download one chunk; each chunk row is written in its own short transaction and the
 * file appears (or replaces the old version) in one final transaction.
 */
@ApplicationScoped
public class DatabaseFileStore implements FileStore {

    /** 256 KiB: few rows for a large print (about 1,000 for 250 MB), small enough to never weigh on the heap. */
    public static final int CHUNK = 256 * 1024;
    /** An upload that writes nothing for this long is taken for dead by the sweep; it refreshes its mark sooner. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

    @Inject
    Clock clock;

    @Inject
    FileRows rows;

    private int chunkSize = CHUNK;

    public DatabaseFileStore() {}

    DatabaseFileStore(FileRows rows, int chunkSize) {
        this.rows = rows;
        this.chunkSize = chunkSize;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Upload create(String key, String contentType) {
        if (key == null || key.isBlank() || key.length() > 400) {
            throw new IllegalArgumentException("a file key is 1 to 400 characters, got " + key);
        }
        String blobId = UUID.randomUUID().toString();
        rows.begin(blobId, clock.instant());
        return new ChunkUpload(key, contentType, blobId);
    }

    @Override
    public Optional<StoredFile> find(String key) {
        return rows.find(key);
    }

    @Override
    public InputStream open(StoredFile file) {
        return new ChunkInput(file);
    }

    @Override
    public boolean delete(String key) {
        return rows.delete(key, clock.instant());
    }

    @Override
    public List<StoredFile> list(String prefix, String afterKey, int limit) {
        return rows.list(prefix, afterKey, limit);
    }

    @Override
    public int deleteCreatedBefore(String prefix, Instant cutoff) {
        int deleted = 0;
        while (true) {
            List<StoredFile> batch = rows.createdBefore(prefix, cutoff, 200);
            for (StoredFile f : batch) {
                if (rows.delete(f.key(), clock.instant())) {
                    deleted++;
                }
            }
            if (batch.size() < 200) {
                return deleted;
            }
        }
    }

    /** Deletes the chunks of versions orphaned before {@code cutoff}; see {@link FileRows#sweep}. */
    public int sweep(Instant cutoff) {
        int total = 0;
        int n;
        do {
            n = rows.sweep(cutoff, 100);
            total += n;
        } while (n == 100);
        return total;
    }

    private final class ChunkUpload implements Upload {
        private final String key;
        private final String contentType;
        private final String blobId;
        private final MessageDigest sha = sha256();
        private final byte[] buffer = new byte[chunkSize];
        private int filled;
        private int seq;
        private long size;
        private Instant touched = clock.instant();
        private boolean done;

        ChunkUpload(String key, String contentType, String blobId) {
            this.key = key;
            this.contentType = contentType;
            this.blobId = blobId;
        }

        /** Writers such as OpenPDF close the stream they were given: that must not end (discard) the upload. */
        private final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                append(b, off, len);
            }
        };

        @Override
        public OutputStream stream() {
            return out;
        }

        private void append(byte[] b, int off, int len) throws IOException {
            if (done) {
                throw new IOException("the upload of " + key + " is closed");
            }
            while (len > 0) {
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == buffer.length) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() {
            if (filled == 0) {
                return;
            }
            byte[] chunk = filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
            rows.chunk(blobId, seq++, chunk);
            sha.update(buffer, 0, filled);
            size += filled;
            filled = 0;
            Instant now = clock.instant();
            if (Duration.between(touched, now).compareTo(TOUCH_EVERY) > 0) {
                rows.touch(blobId, now);
                touched = now;
            }
        }

        @Override
        public StoredFile commit() throws IOException {
            return commit(clock.instant());
        }

        @Override
        public StoredFile commit(Instant created) throws IOException {
            if (done) {
                throw new IOException("the upload of " + key + " is closed");
            }
            flushChunk();
            StoredFile f =
                    new StoredFile(key, contentType, size, HexFormat.of().formatHex(sha.digest()), created, blobId);
            rows.commit(f, clock.instant());
            done = true;
            return f;
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                try {
                    rows.discard(blobId);
                } catch (RuntimeException e) {
                    // the sweep deletes it later: it is still listed as an orphan
                }
            }
        }
    }

    /** Reads a version one chunk (one query) at a time. */
    private final class ChunkInput extends InputStream {
        private final StoredFile file;
        private byte[] chunk = new byte[0];
        private int pos;
        private int seq;
        private long read;

        ChunkInput(StoredFile file) {
            this.file = file;
        }

        private boolean fill() throws IOException {
            while (pos == chunk.length) {
                if (read >= file.size()) {
                    return false;
                }
                byte[] next = rows.read(file.version(), seq++);
                if (next == null) {
                    throw new IOException(file.key() + " was replaced or deleted while it was read");
                }
                chunk = next;
                pos = 0;
                read += next.length;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long transferTo(OutputStream out) throws IOException {
            long n = 0;
            while (fill()) {
                out.write(chunk, pos, chunk.length - pos);
                n += chunk.length - pos;
                pos = chunk.length;
            }
            return n;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
