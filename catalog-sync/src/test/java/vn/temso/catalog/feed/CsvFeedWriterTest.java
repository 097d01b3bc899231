package vn.temso.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.temso.catalog.Entries.TODAY;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.Entries;
import vn.temso.catalog.model.CatalogEntry;

class CsvFeedWriterTest {

    private static final FeedOptions OPTIONS = FeedOptions.forDay(TODAY);

    @Test
    void shouldWriteMetaCsvWithQuotedCommasQuotesAndNewlines() throws IOException {
        List<CSVRecord> rows = parse(
                CsvFeedWriter.metaCsv(OPTIONS),
                CSVFormat.RFC4180,
                Entries.rice().build(),
                Entries.coconut().build());
        CSVRecord rice = rows.get(0);
        assertEquals("ST25-5KG", rice.get("id"));
        assertEquals("Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh", rice.get("title"));
        assertEquals(
                "Gạo ST25 túi 5 kg, trồng theo VietGAP.\nVụ Đông Xuân, \"gạo ngon nhất thế giới\" 2019, <&> đủ cả",
                rice.get("description"));
        assertEquals("in stock", rice.get("availability"));
        assertEquals("185000 VND", rice.get("price"));
        assertEquals("OCOP 4 sao", rice.get("custom_label_0"));
        CSVRecord coconut = rows.get(1);
        assertEquals("Dừa sáp Cầu Kè", coconut.get("title"));
        assertEquals("out of stock", coconut.get("availability"));
        assertEquals("HTX Dừa sáp Cầu Kè, Trà Vinh", coconut.get("brand"));
        assertEquals("", coconut.get("custom_label_0"), "lapsed certificate");
    }

    @Test
    void shouldNeutraliseFormulaInjectionInEveryCell() throws IOException {
        CSVRecord row = parse(
                        CsvFeedWriter.metaCsv(OPTIONS),
                        CSVFormat.RFC4180,
                        Entries.formula().build())
                .get(0);
        assertEquals("'=1+1", row.get("id"));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"bấm vào\")", row.get("title"));
        assertEquals("'-2+3, @SUM(A1:A2)", row.get("description"));
        assertEquals("'+HTX", row.get("brand"));
        assertEquals("1000 VND", row.get("price"));
    }

    @Test
    void shouldWriteGoogleTsvWithOneLinePerItem() throws IOException {
        CsvFeedWriter writer = CsvFeedWriter.googleTsv(OPTIONS);
        List<CSVRecord> rows = parse(
                writer,
                CSVFormat.TDF,
                Entries.rice().build(),
                Entries.coconut().build(),
                Entries.formula().build());
        assertEquals(3, rows.size());
        assertEquals(
                List.of(
                        "id",
                        "title",
                        "description",
                        "link",
                        "image_link",
                        "availability",
                        "price",
                        "condition",
                        "brand",
                        "gtin",
                        "product_type",
                        "custom_label_0"),
                writer.mapping().headers());
        assertEquals(
                "Gạo ST25 túi 5 kg, trồng theo VietGAP. Vụ Đông Xuân, \"gạo ngon nhất thế giới\" 2019, <&> đủ cả",
                rows.get(0).get("description"));
        assertEquals("in_stock", rows.get(0).get("availability"));
        assertEquals("out_of_stock", rows.get(1).get("availability"));
        assertEquals(
                "'=HYPERLINK(\"http://evil.example\",\"bấm vào\")", rows.get(2).get("title"));
    }

    @Test
    void shouldWriteVosoDefaultLayoutWithVietnameseHeadersAndBom() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvFeedWriter.mapped(Channel.VOSO_CSV, OPTIONS)
                .write(List.of(Entries.rice().build()).iterator(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        CSVRecord row = parseText(text.substring(1), CSVFormat.RFC4180).get(0);
        assertEquals("ST25-5KG", row.get("Mã SKU"));
        assertEquals("Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh", row.get("Tên sản phẩm"));
        assertEquals("185000", row.get("Giá bán"));
        assertEquals("Còn hàng", row.get("Tình trạng"));
        assertEquals("OCOP 4 sao", row.get("Chứng nhận OCOP"));
    }

    @Test
    void shouldWritePostmartDefaultLayout() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvFeedWriter.mapped(Channel.POSTMART_CSV, OPTIONS)
                .write(List.of(Entries.coconut().build()).iterator(), out);
        CSVRecord row = parseText(out.toString(StandardCharsets.UTF_8).substring(1), CSVFormat.RFC4180)
                .get(0);
        assertEquals("DUA-SAP-CK", row.get("Mã sản phẩm"));
        assertEquals("15000", row.get("Giá bán (VNĐ)"));
        assertEquals("Hết hàng", row.get("Trạng thái kho"));
        assertEquals("", row.get("Hạng sao OCOP"));
    }

    @Test
    void shouldFollowACustomMappingInItsColumnOrder() throws IOException {
        String json = "{\"Tên hàng\": \"title\", \"Giá\": \"price\", \"Mã\": \"id\", \"Sao OCOP\": \"ocop_stars\"}";
        ColumnMapping mapping = ColumnMapping.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvFeedWriter.mapped(Channel.VOSO_CSV, OPTIONS.withMapping(mapping))
                .write(List.of(Entries.rice().build()).iterator(), out);
        List<CSVRecord> rows = parseText(out.toString(StandardCharsets.UTF_8).substring(1), CSVFormat.RFC4180);
        assertEquals(
                List.of("Tên hàng", "Giá", "Mã", "Sao OCOP"),
                rows.get(0).getParser().getHeaderNames());
        assertEquals(
                List.of("Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh", "185000 VND", "ST25-5KG", "4"),
                rows.get(0).toList());
    }

    @Test
    void shouldRejectMappingsWithUnknownFields() {
        String json = "{\"Tên\": \"ten_san_pham\"}";
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ColumnMapping.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertEquals(true, e.getMessage().contains("ten_san_pham"));
    }

    private static List<CSVRecord> parse(CsvFeedWriter writer, CSVFormat format, CatalogEntry... entries)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(List.of(entries).iterator(), out);
        return parseText(out.toString(StandardCharsets.UTF_8), format);
    }

    private static List<CSVRecord> parseText(String text, CSVFormat format) throws IOException {
        CSVParser parser = CSVParser.parse(
                new StringReader(text),
                format.builder().setHeader().setSkipHeaderRecord(true).build());
        return parser.getRecords();
    }
}
