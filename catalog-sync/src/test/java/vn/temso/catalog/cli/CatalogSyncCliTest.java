package vn.temso.catalog.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSyncCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final String RICE = """
            {"id": "ST25-5KG", "title": "Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh",
             "description": "Gạo ST25, \\"ngon\\", <&>", "link": "https://temso.vn/p/st25",
             "imageLink": "https://temso.vn/img/st25.jpg", "availability": "IN_STOCK", "priceVnd": 185000,
             "condition": "new", "brand": "HTX Tân Trụ Xanh", "gtin": "08935049500124",
             "ocop": {"stars": 4, "validUntil": "2026-12-31"}, "category": "Gạo", "updatedAt": "2026-11-20T03:00:00Z"}""";
    private static final String COCONUT = """
            {"id": "DUA", "title": "Dừa sáp Cầu Kè", "description": "Dừa sáp", "link": "https://temso.vn/p/dua",
             "imageLink": "https://temso.vn/img/dua.jpg", "availability": "OUT_OF_STOCK", "priceVnd": 15000,
             "brand": "HTX Cầu Kè", "ocop": {"stars": 3, "validUntil": "2026-01-01"}}""";
    private static final String GONE = """
            {"id": "OLD", "title": "Mắm", "deleted": true}""";
    private static final String BROKEN = """
            {"id": "BAD", "title": "Không có ảnh", "description": "x", "link": "http://temso.vn/p/bad",
             "availability": "IN_STOCK", "priceVnd": 1000, "brand": "HTX"}""";

    @Test
    void shouldWriteAMetaFeedAndReport() throws IOException {
        Path catalog = catalog("{\"items\": [" + RICE + "," + COCONUT + "," + GONE + "]}");
        Path feed = dir.resolve("meta.csv");

        int code = run(
                "--catalog",
                catalog.toString(),
                "--channel",
                "meta-csv",
                "--out",
                feed.toString(),
                "--today",
                "2026-11-22");

        assertEquals(CatalogSyncCli.OK, code, err());
        assertTrue(out().startsWith("PUBLISHED: 2 items written, 0 invalid (0.0 %), 1 deleted dropped"), out());
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new StringReader(Files.readString(feed)))
                .getRecords();
        assertEquals("Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh", rows.get(0).get("title"));
        assertEquals("Gạo ST25, \"ngon\", <&>", rows.get(0).get("description"));
        assertEquals("OCOP 4 sao", rows.get(0).get("custom_label_0"));
        assertEquals("out of stock", rows.get(1).get("availability"));
        assertEquals("", rows.get(1).get("custom_label_0"));
    }

    @Test
    void shouldExitThreeAndKeepTheOldFeedWhenTheGateHoldsBack() throws IOException {
        Path feed = dir.resolve("google.xml");
        assertEquals(
                0,
                run(
                        "--catalog",
                        catalog("[" + RICE + "," + COCONUT + "]").toString(),
                        "--channel",
                        "google-xml",
                        "--out",
                        feed.toString(),
                        "--today",
                        "2026-11-22"),
                err());
        byte[] good = Files.readAllBytes(feed);

        int code = run(
                "--catalog",
                catalog("[" + RICE + "," + BROKEN + "]").toString(),
                "--channel",
                "google-xml",
                "--out",
                feed.toString(),
                "--today",
                "2026-11-22");

        assertEquals(CatalogSyncCli.HELD_BACK, code);
        assertTrue(out().contains("HELD_BACK"), out());
        assertTrue(out().contains("invalid BAD: [link: must be an absolute https URL"), out());
        assertTrue(out().contains("image_link: is required"), out());
        assertArrayEquals(good, Files.readAllBytes(feed));
    }

    @Test
    void shouldUseAMappingFileForVoso() throws IOException {
        Path mapping = dir.resolve("mapping.json");
        Files.writeString(mapping, "{\"Mã\": \"id\", \"Tên\": \"title\", \"Giá bán\": \"price_vnd\"}");
        Path feed = dir.resolve("voso.csv");
        assertEquals(
                0,
                run(
                        "--catalog",
                        catalog("[" + RICE + "]").toString(),
                        "--channel",
                        "voso-csv",
                        "--out",
                        feed.toString(),
                        "--mapping",
                        mapping.toString(),
                        "--today",
                        "2026-11-22"),
                err());
        assertEquals(
                "\uFEFFMã,Tên,Giá bán\r\nST25-5KG,Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh,185000\r\n",
                Files.readString(feed, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAMappingThatBreaksTheChannelRulesNamingEachRule() throws IOException {
        Path mapping = dir.resolve("bad-mapping.json");
        Files.writeString(mapping, "{\"=Tên\": \"title\", \"Giá\": \"gia\"}");
        Path feed = dir.resolve("voso-bad.csv");
        assertBadInput(
                "mapping [header-characters] column \"=Tên\"",
                "--catalog",
                catalog("[" + RICE + "]").toString(),
                "--channel",
                "voso-csv",
                "--out",
                feed.toString(),
                "--mapping",
                mapping.toString());
        assertTrue(err().contains("mapping [unknown-field] column \"Giá\""), err());
        assertTrue(err().contains("mapping [required-field] no column carries the field \"id\""), err());
        assertFalse(Files.exists(feed));
    }

    @Test
    void shouldExitTwoWithAClearMessageOnBadInput() throws IOException {
        Path feed = dir.resolve("f.xml");
        assertBadInput(
                "not valid JSON",
                "--catalog",
                catalog("[{\"id\": ").toString(),
                "--channel",
                "google-xml",
                "--out",
                feed.toString());
        assertBadInput(
                "entry #1 (id \"X\"): OCOP stars must be 3, 4 or 5, got 7",
                "--catalog",
                catalog("[{\"id\": \"X\", \"ocop\": {\"stars\": 7, \"validUntil\": \"2027-01-01\"}}]")
                        .toString(),
                "--channel",
                "google-xml",
                "--out",
                feed.toString());
        assertBadInput(
                "priceVnd must be a whole number",
                "--catalog",
                catalog("[{\"id\": \"X\", \"priceVnd\": 15000.5}]").toString(),
                "--channel",
                "google-xml",
                "--out",
                feed.toString());
        assertBadInput(
                "not valid JSON near entry #2: Unexpected end-of-input",
                "--catalog",
                catalog("[" + RICE + ",").toString(),
                "--channel",
                "google-xml",
                "--out",
                feed.toString());
        assertBadInput("unknown channel \"shopee\"", "--catalog", "c.json", "--channel", "shopee", "--out", "x");
        assertBadInput(
                "file not found",
                "--catalog",
                dir.resolve("missing.json").toString(),
                "--channel",
                "jsonld",
                "--out",
                feed.toString());
        assertBadInput("--today", "--catalog", "c.json", "--channel", "jsonld", "--out", "x", "--today", "22/11/2026");
        assertBadInput("--out is required", "--catalog", "c.json", "--channel", "jsonld");
        assertFalse(Files.exists(feed));
    }

    private void assertBadInput(String expected, String... args) {
        err.reset();
        assertEquals(CatalogSyncCli.BAD_INPUT, run(args));
        assertTrue(err().contains(expected), err());
        assertFalse(err().contains("\tat "), "no stack trace: " + err());
    }

    private int run(String... args) {
        out.reset();
        return CatalogSyncCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path catalog(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "catalog", ".json"), json);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
