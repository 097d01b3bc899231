package vn.temso.printing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.temso.printing.entity.PrintFormat;
import vn.temso.printing.entity.PrintJob;

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

    /** The retention sweep against jobs held in memory and a real directory. */
    @Test
    void shouldDeleteTheFilesOfJobsFinishedBeforeTheCutoffAndMarkThem(@TempDir Path dir) throws Exception {
        List<PrintJob> jobs = new ArrayList<>();
        for (int i = 0; i < 205; i++) { // more than one round of 200
            PrintJob j = PrintJob.reprintOf("b", "c", PrintFormat.PDF, "4x10", 300, 1, false, 1, 3, 3, "canbo");
            j.done(3, 1, 100);
            Files.writeString(PrintFiles.of(dir, j), "%PDF");
            jobs.add(j);
        }
        PrintJob running = PrintJob.reprintOf("b", "c", PrintFormat.ZPL, "50x30", 203, 1, false, 1, 3, 3, "canbo");
        Path part = Files.writeString(dir.resolve(running.getId() + ".zpl.part"), "^XA");
        jobs.add(running);
        Map<String, Instant> marked = new HashMap<>();
        PrintFiles.Jobs store = new PrintFiles.Jobs() {
            @Override
            public List<PrintJob> withFilesFinishedBefore(Instant cutoff, int limit) {
                return jobs.stream().filter(j -> j.getStatus() == PrintJob.Status.DONE
                        && j.getFinishedAt().isBefore(cutoff) && !marked.containsKey(j.getId())).limit(limit).toList();
            }

            @Override
            public void fileDeleted(String jobId, Instant at) {
                marked.put(jobId, at);
            }
        };

        assertEquals(0, PrintFiles.expire(dir, Instant.now().minus(Duration.ofDays(30)), store), "all recent");
        assertEquals(206, Files.list(dir).count());

        Instant later = Instant.now().plusSeconds(60); // as if 30 days had passed
        Files.setLastModifiedTime(part, FileTime.from(later.plusSeconds(60))); // still being written then
        assertEquals(205, PrintFiles.expire(dir, later, store));
        assertEquals(205, marked.size());
        assertFalse(marked.containsKey(running.getId()), "an unfinished job keeps its file");
        assertTrue(Files.exists(part), "its partial file, written after the cutoff, stays");
        assertEquals(1, Files.list(dir).count());
        assertEquals(0, PrintFiles.expire(dir, later, store), "nothing left to do");

        PrintJob j = jobs.get(0);
        j.fileDeleted(marked.get(j.getId()));
        assertEquals(marked.get(j.getId()), j.getFileDeletedAt());
        j.fileDeleted(Instant.now().plusSeconds(5));
        assertEquals(marked.get(j.getId()), j.getFileDeletedAt(), "the first deletion time stays");
    }
}
