package vn.temso.platform.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file store on real (in-memory) Derby with the real schema. */
class DatabaseFileStoreTest {

    /** Records the largest byte array that crossed JDBC either way: the most of a file ever held at once. */
    static final class MeasuredRows extends FileRows {
        final AtomicInteger largest = new AtomicInteger();

        MeasuredRows(DataSource ds) {
            super(ds);
        }

        @Override
        public void chunk(String blobId, int seq, byte[] data) {
            largest.accumulateAndGet(data.length, Math::max);
            super.chunk(blobId, seq, data);
        }

        @Override
        public byte[] read(String blobId, int seq) {
            byte[] b = super.read(blobId, seq);
            if (b != null) {
                largest.accumulateAndGet(b.length, Math::max);
            }
            return b;
        }
    }

    @Test
    void shouldStreamAFileOfManyChunksInAndOutByteForByte() throws Exception {
        DataSource ds = DerbyFiles.database();
        MeasuredRows rows = new MeasuredRows(ds);
        DatabaseFileStore store = new DatabaseFileStore(rows, DatabaseFileStore.CHUNK);
        int size = 5 * 1024 * 1024 + 12_345; // 20 whole chunks and a partial one
        byte[] data = new byte[size];
        new Random(13).nextBytes(data);

        StoredFile f = store.write("prints/big.pdf", "application/pdf", out -> {
            for (int off = 0; off < size; off += 8191) { // odd-sized writes cross chunk borders
                out.write(data, off, Math.min(8191, size - off));
            }
        });
        assertEquals(size, f.size());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), f.sha256());
        assertEquals(f, store.find("prints/big.pdf").orElseThrow());

        byte[] back;
        try (InputStream in = store.open(f)) {
            back = in.readAllBytes();
        }
        assertArrayEquals(data, back);
        assertTrue(rows.largest.get() <= DatabaseFileStore.CHUNK, "never more than a chunk at once: " + rows.largest);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT COUNT(*), MAX(seq) FROM stored_file_chunk WHERE blob_id = '" + f.version() + "'")) {
            assertTrue(r.next());
            assertEquals(21, r.getInt(1), "5 MB in 256 KiB chunks");
            assertEquals(20, r.getInt(2));
        }
        // single-byte reads and transferTo agree
        try (InputStream in = store.open(f)) {
            assertEquals(data[0] & 0xff, in.read());
            OutputStream sink = OutputStream.nullOutputStream();
            assertEquals(size - 1, in.transferTo(sink));
            assertEquals(-1, in.read());
        }
    }

    @Test
    void shouldShowNothingUntilCommittedAndDiscardAnUploadClosedUncommitted() throws Exception {
        DatabaseFileStore store = DerbyFiles.store();
        try (FileStore.Upload u = store.create("images/a", "image/png")) {
            u.stream().write(new byte[DatabaseFileStore.CHUNK * 2 + 1]);
            assertTrue(store.find("images/a").isEmpty(), "invisible while written");
        }
        assertTrue(store.find("images/a").isEmpty(), "closed without commit: discarded");
        assertEquals(0, store.sweep(Instant.now().plusSeconds(1)), "and nothing left to sweep");

        // a writer that closes the stream it was given (OpenPDF does) still commits
        StoredFile f = store.write("images/a", "image/png", out -> {
            out.write("png".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertEquals(3, f.size());
    }

    @Test
    void shouldReplaceInOneStepWhileAReaderOfTheOldVersionFinishes() throws Exception {
        DatabaseFileStore store = DerbyFiles.store();
        byte[] old = new byte[DatabaseFileStore.CHUNK + 10];
        old[0] = 1;
        StoredFile v1 = store.put("feeds/c/google-xml.xml", "application/xml", new ByteArrayInputStream(old));
        InputStream reading = store.open(v1);
        assertEquals(1, reading.read());

        StoredFile v2 =
                store.put("feeds/c/google-xml.xml", "application/xml", new ByteArrayInputStream(new byte[] {2}));
        assertEquals(v2, store.find("feeds/c/google-xml.xml").orElseThrow());
        assertEquals(0, store.sweep(Instant.now().minus(FileUpkeep.GRACE)), "the old version is kept for the grace");
        assertEquals(old.length - 1, reading.readAllBytes().length, "the reader of the old version finishes");

        StoredFile v3 =
                store.put("feeds/c/google-xml.xml", "application/xml", new ByteArrayInputStream(new byte[] {3}));
        InputStream late = store.open(v2);
        assertEquals(2, store.sweep(Instant.now().plusSeconds(1)), "v1 and v2 swept after the grace");
        assertThrows(IOException.class, late::read, "a reader past the grace fails rather than read a wrong file");
        try (InputStream in = store.open(v3)) {
            assertArrayEquals(new byte[] {3}, in.readAllBytes());
        }
    }

    @Test
    void shouldListDeleteAndExpireByPrefix() throws Exception {
        DatabaseFileStore store = DerbyFiles.store();
        for (String k : List.of("prints/1.pdf", "prints/2.zpl", "prints_x/3.pdf", "images/4")) {
            store.put(k, "application/octet-stream", new ByteArrayInputStream(k.getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(
                List.of("prints/1.pdf", "prints/2.zpl"),
                store.list("prints/", null, 10).stream().map(StoredFile::key).toList(),
                "_ is no wildcard");
        assertEquals(
                List.of("prints/2.zpl"),
                store.list("prints/", "prints/1.pdf", 10).stream()
                        .map(StoredFile::key)
                        .toList());
        assertTrue(store.delete("prints/1.pdf"));
        assertFalse(store.delete("prints/1.pdf"));
        assertEquals(0, store.deleteCreatedBefore("prints/", Instant.now().minusSeconds(60)));
        assertEquals(1, store.deleteCreatedBefore("prints/", Instant.now().plusSeconds(1)));
        assertEquals(
                List.of("images/4", "prints_x/3.pdf"),
                store.list("", null, 10).stream().map(StoredFile::key).toList());
    }

    @Test
    void shouldImportTheFilesOlderVersionsLeftOnDiskKeepingTheirDates(@TempDir Path data) throws Exception {
        DatabaseFileStore store = DerbyFiles.store();
        Path images = Files.createDirectories(data.resolve("images"));
        String id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        Files.write(images.resolve(id), png);
        Files.writeString(images.resolve(id + ".type"), "image/png\n");
        Files.writeString(images.resolve("upload123.tmp"), "half");
        Path feeds = Files.createDirectories(data.resolve("feeds").resolve("c1"));
        Files.writeString(feeds.resolve("google-xml.xml"), "<rss/>");
        Files.writeString(feeds.resolve(".google-xml.xml.last-good.properties"), "itemCount=7\n");
        Instant old = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Files.setLastModifiedTime(feeds.resolve("google-xml.xml"), FileTime.from(old));

        assertEquals(1, FileUpkeep.importDirectory(store, data, "images"));
        assertEquals(2, FileUpkeep.importDirectory(store, data, "feeds"));
        assertEquals(0, FileUpkeep.importDirectory(store, data, "prints"), "none there");

        StoredFile image = store.find("images/" + id).orElseThrow();
        assertEquals("image/png", image.contentType());
        try (InputStream in = store.open(image)) {
            assertArrayEquals(png, in.readAllBytes());
        }
        StoredFile feed = store.find("feeds/c1/google-xml.xml").orElseThrow();
        assertEquals(old, feed.created(), "Last-Modified and retention keep the file's date");
        assertTrue(store.find("feeds/c1/.google-xml.xml.last-good").isPresent());
        assertFalse(Files.exists(images), "renamed once imported");
        try (var kept = Files.list(data)) {
            assertEquals(
                    2,
                    kept.filter(p -> p.getFileName().toString().contains(".imported-"))
                            .count(),
                    "the originals are kept until an operator deletes them");
        }
    }
}
