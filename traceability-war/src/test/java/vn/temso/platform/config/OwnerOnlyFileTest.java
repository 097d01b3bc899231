package vn.temso.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo stamp-key secret file: owner-only from the moment it exists, and complete when it appears. */
class OwnerOnlyFileTest {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path dir;

    @Test
    void shouldCreateTheFileOwnerOnlyAndReadItBackUnchanged() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("demo-stamp-key-secret");
        assertEquals("s3cret", OwnerOnlyFile.readOrCreate(file, () -> "s3cret"));
        assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(file));
        assertEquals("s3cret", OwnerOnlyFile.readOrCreate(file, () -> "other"), "an existing secret is kept");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void shouldNeverShowTheFileToOthersNorHalfWritten() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        // a watcher stats the path as fast as it can while the file is created again and again: with "write, then
        // chmod" it sees the default (umask) permissions or an empty file in the moment between the two
        Path file = dir.resolve("demo-stamp-key-secret");
        String secret = "x".repeat(43);
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                try {
                    Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
                    if (!p.equals(OWNER_ONLY)) {
                        seen.add(PosixFilePermissions.toString(p));
                    }
                    if (Files.size(file) != secret.length()) {
                        seen.add("size " + Files.size(file));
                    }
                } catch (NoSuchFileException gone) {
                    // between two rounds
                } catch (Exception e) {
                    seen.add(e.toString());
                }
            }
        });
        watcher.start();
        try {
            for (int i = 0; i < 3_000 && seen.isEmpty(); i++) {
                assertEquals(secret, OwnerOnlyFile.readOrCreate(file, () -> secret));
                Files.delete(file);
            }
        } finally {
            done.set(true);
            watcher.join();
        }
        assertTrue(seen.isEmpty(), "the secret file was visible as " + seen);
    }
}
