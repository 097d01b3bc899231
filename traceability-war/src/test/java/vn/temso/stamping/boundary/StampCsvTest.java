package vn.temso.stamping.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import vn.temso.platform.persistence.KeysetPages;
import vn.temso.stamping.control.StampRow;
import vn.temso.stamping.entity.Stamp;

/**
 * The stamp export as {@code Stamps.export} assembles it: keyset pages of {@code StampRows} (here a fake table of
 * 50,000 issued stamps, pages of 2,000) written row by row as CSV. Memory stays constant because the export never
 * holds more than one page: the next page is read only when the writer has used up the current one (see
 * {@code KeysetPagesTest}), and the CSV goes to the response as it is written.
 */
class StampCsvTest {

    private static final int STAMPS = 50_000;
    private static final int PAGE = 2_000;
    private static final String BASE = "https://tem.example.vn/01/08930000000017/10/L1/21/";

    private static StampRow stamp(int seq) {
        String serial = "S" + Integer.toString(seq * 7919, 36).toUpperCase();
        // a few voided stamps and a URL with a comma and a quote, so quoting is compared too
        String url = BASE + serial + (seq % 9_973 == 0 ? "?x=\"a,b\"" : "?8030=MEUCIQ" + seq);
        return new StampRow(seq, serial, url, seq % 1_000 == 0 ? Stamp.Status.VOIDED : Stamp.Status.ACTIVE);
    }

    /** The batch's stamps by issue number, as {@code StampRows.page} reads them. */
    private static List<StampRow> page(List<Integer> asked, int after, int size) {
        asked.add(after);
        return IntStream.rangeClosed(after + 1, Math.min(STAMPS, after + size))
                .mapToObj(StampCsvTest::stamp)
                .toList();
    }

    @Test
    void shouldExportEveryStampOnceInIssueOrderWithTheSameBytesAsBefore() throws IOException {
        List<Integer> asked = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StampCsv.write(KeysetPages.stream(0, PAGE, (after, size) -> page(asked, after, size), StampRow::seq), out);

        assertEquals(STAMPS / PAGE + 1, asked.size(), "pages of 2,000, then one empty page: " + asked);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals("seq,serial,url,status", lines[0]);
        assertEquals(STAMPS + 1, lines.length);
        Set<String> serials = new HashSet<>();
        for (int i = 1; i <= STAMPS; i++) {
            String[] f = lines[i].split(",", 2);
            assertEquals(String.valueOf(i), f[0], "every stamp once, in issue order");
            assertTrue(serials.add(f[1].substring(0, f[1].indexOf(','))), lines[i]);
        }

        // what the export wrote before rows were typed: CSVPrinter.printRecord over (seq, serial, url, status) arrays
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(
                new OutputStreamWriter(before, StandardCharsets.UTF_8),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader("seq", "serial", "url", "status")
                        .build())) {
            for (int i = 1; i <= STAMPS; i++) {
                StampRow r = stamp(i);
                csv.printRecord(new Object[] {r.seq(), r.serial(), r.url(), r.status()});
            }
        }
        assertArrayEquals(before.toByteArray(), out.toByteArray());
    }
}
