package vn.temso.printing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.temso.platform.files.DatabaseFileStore;
import vn.temso.platform.files.DerbyFiles;
import vn.temso.platform.files.FileStore;
import vn.temso.printing.entity.PrintFormat;
import vn.temso.printing.entity.PrintJob;

class PrintFilesTest {

    private static void put(FileStore store, String key) throws Exception {
        store.put(key, "application/pdf", new ByteArrayInputStream("%PDF".getBytes(StandardCharsets.US_ASCII)));
    }

    /** The retention sweep against jobs held in memory and the real database file store. */
    @Test
    void shouldDeleteTheFilesOfJobsFinishedBeforeTheCutoffAndMarkThem() throws Exception {
        DatabaseFileStore store = DerbyFiles.store();
        List<PrintJob> jobs = new ArrayList<>();
        for (int i = 0; i < 205; i++) { // more than one round of 200
            PrintJob j = PrintJob.reprintOf(
                    "b", "c", PrintFormat.PDF, "4x10", 300, 1, false, 1, 3, 3, "canbo", Instant.now());
            j.done(3, 1, 100, Instant.now());
            put(store, PrintFiles.keyOf(j));
            jobs.add(j);
        }
        PrintJob running =
                PrintJob.reprintOf("b", "c", PrintFormat.ZPL, "50x30", 203, 1, false, 1, 3, 3, "canbo", Instant.now());
        jobs.add(running);
        Map<String, Instant> marked = new HashMap<>();
        PrintFiles.Jobs steps = new PrintFiles.Jobs() {
            @Override
            public List<PrintJob> withFilesFinishedBefore(Instant cutoff, int limit) {
                return jobs.stream()
                        .filter(j -> j.getStatus() == PrintJob.Status.DONE
                                && j.getFinishedAt().isBefore(cutoff)
                                && !marked.containsKey(j.getId()))
                        .limit(limit)
                        .toList();
            }

            @Override
            public void fileDeleted(String jobId, Instant at) {
                marked.put(jobId, at);
            }
        };

        assertEquals(
                0,
                PrintFiles.expire(store, Instant.now().minus(Duration.ofDays(30)), steps, Instant.now()),
                "all recent");
        assertEquals(205, store.list(PrintFiles.PREFIX, null, 1000).size());

        Instant later = Instant.now().plusSeconds(60); // as if 30 days had passed
        put(store, "prints/unclaimed.pdf"); // no job claims it: deleted by its date
        try (FileStore.Upload stillPrinting = store.create(PrintFiles.keyOf(running), "application/vnd.zebra.zpl")) {
            stillPrinting.stream().write('^');
            assertEquals(205, PrintFiles.expire(store, later, steps, Instant.now()));
            assertEquals(205, marked.size());
            assertFalse(marked.containsKey(running.getId()), "an unfinished job keeps its upload");
            stillPrinting.commit();
        }
        assertEquals(
                List.of(PrintFiles.keyOf(running)),
                store.list(PrintFiles.PREFIX, null, 1000).stream()
                        .map(f -> f.key())
                        .toList());
        assertEquals(0, PrintFiles.expire(store, later, steps, Instant.now()), "nothing left to do");
        assertTrue(store.sweep(later.plus(Duration.ofHours(2))) >= 206, "the deleted files' chunks go after the grace");

        PrintJob j = jobs.get(0);
        j.fileDeleted(marked.get(j.getId()));
        assertEquals(marked.get(j.getId()), j.getFileDeletedAt());
        j.fileDeleted(Instant.now().plusSeconds(5));
        assertEquals(marked.get(j.getId()), j.getFileDeletedAt(), "the first deletion time stays");
    }
}
