package vn.temso.stamping.boundary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.temso.stamping.control.StampRow;

/** The stamp list as CSV (RFC 4180, UTF-8), the same bytes for the API export and the web page's download. */
public final class StampCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader("seq", "serial", "url", "status")
            .build();

    private StampCsv() {}

    /**
     * Writes each row as it is read: {@code rows} comes page by page from the database, so no more than a page and
     * the writer's buffer are held, whatever the size of the batch.
     */
    public static void write(Stream<StampRow> rows, OutputStream out) throws IOException {
        try (CSVPrinter csv =
                new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), FORMAT)) {
            for (Iterator<StampRow> it = rows.iterator(); it.hasNext(); ) {
                StampRow r = it.next();
                csv.printRecord(r.seq(), r.serial(), r.url(), r.status());
            }
        }
    }
}
