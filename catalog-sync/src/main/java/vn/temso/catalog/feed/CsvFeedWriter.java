package vn.temso.catalog.feed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.temso.catalog.model.CatalogEntry;

/**
 * Delimited feeds (Google TSV, Meta CSV, Voso and Postmart CSV): a header row, then one row per
 * entry in the column order of a {@link ColumnMapping}. Commons CSV does the quoting; every cell
 * is passed through {@link CellSanitizer} because sellers open these files in spreadsheets.
 */
public final class CsvFeedWriter implements FeedWriter {

    private final Channel channel;
    private final ColumnMapping mapping;
    private final CSVFormat format;
    private final boolean tsv;
    private final boolean byteOrderMark;
    private final LocalDate today;
    private final Map<FeedField, Function<CatalogEntry, String>> overrides;

    private CsvFeedWriter(
            Channel channel,
            ColumnMapping mapping,
            boolean tsv,
            boolean byteOrderMark,
            LocalDate today,
            Map<FeedField, Function<CatalogEntry, String>> overrides) {
        this.channel = channel;
        this.mapping = mapping;
        this.tsv = tsv;
        this.byteOrderMark = byteOrderMark;
        this.today = today;
        this.overrides = overrides;
        this.format = (tsv ? CSVFormat.TDF : CSVFormat.RFC4180)
                .builder()
                .setHeader(mapping.headers().toArray(String[]::new))
                .build();
    }

    /** Google Merchant Center TSV with Google's attribute names as headers. */
    public static CsvFeedWriter googleTsv(FeedOptions options) {
        return new CsvFeedWriter(Channel.GOOGLE_TSV, ColumnMapping.googleTsv(), true, false, options.today(), Map.of());
    }

    /** Meta (Facebook/Instagram) catalog CSV: availability "in stock" / "out of stock", price "15000 VND". */
    public static CsvFeedWriter metaCsv(FeedOptions options) {
        return new CsvFeedWriter(
                Channel.META_CSV,
                ColumnMapping.metaCsv(),
                false,
                false,
                options.today(),
                Map.of(
                        FeedField.AVAILABILITY,
                        e -> e.availability() == null ? null : e.availability().metaValue()));
    }

    /**
     * Voso or Postmart upload spreadsheet. A UTF-8 byte order mark is written first so Excel, which
     * sellers use to check the file before uploading, shows the Vietnamese headers correctly.
     */
    public static CsvFeedWriter mapped(Channel channel, FeedOptions options) {
        ColumnMapping mapping = options.mapping() != null
                ? options.mapping()
                : switch (channel) {
                    case VOSO_CSV -> ColumnMapping.vosoDefault();
                    case POSTMART_CSV -> ColumnMapping.postmartDefault();
                    default -> throw new IllegalArgumentException(channel + " has no spreadsheet layout");
                };
        return new CsvFeedWriter(channel, mapping, false, true, options.today(), Map.of());
    }

    @Override
    public Channel channel() {
        return channel;
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    @Override
    public FeedSink open(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        CSVPrinter printer = new CSVPrinter(writer, format);
        List<FeedField> fields = mapping.fields();
        return new AbstractFeedSink() {
            private final List<String> row = new ArrayList<>(fields.size());

            @Override
            protected void writeItem(CatalogEntry e) throws IOException {
                row.clear();
                for (FeedField f : fields) {
                    var override = overrides.get(f);
                    String value = override != null ? override.apply(e) : f.valueOf(e, today);
                    value = CellSanitizer.neutralise(value);
                    row.add(tsv ? FeedFormat.flattenForTsv(value) : value);
                }
                printer.printRecord(row);
            }

            @Override
            public void finish() throws IOException {
                printer.flush();
            }
        };
    }
}
