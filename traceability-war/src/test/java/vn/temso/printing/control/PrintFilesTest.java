package vn.temso.printing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintFilesTest {

    @Test
    void shouldDeleteOnlyFilesWrittenBeforeTheCutoff(@TempDir Path dir) throws Exception {
        Instant now = Instant.now();
        Path old = Files.writeString(dir.resolve("a.pdf"), "%PDF old");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(31))));
        Path oldPart = Files.writeString(dir.resolve("b.zpl.part"), "^XA");
        Files.setLastModifiedTime(oldPart, FileTime.from(now.minus(Duration.ofDays(40))));
        Path recent = Files.writeString(dir.resolve("c.pdf"), "%PDF new");

        assertEquals(2, PrintFiles.deleteOlderThan(dir, now.minus(Duration.ofDays(30))));
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(oldPart));
        assertTrue(Files.exists(recent));
        assertEquals(0, PrintFiles.deleteOlderThan(dir.resolve("missing"), now), "no prints directory yet");
    }
}
