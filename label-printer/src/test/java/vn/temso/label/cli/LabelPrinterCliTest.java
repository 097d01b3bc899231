package vn.temso.label.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelPrinterCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LabelPrinterCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path csv(String rows) throws IOException {
        Path p = dir.resolve("items.csv");
        Files.writeString(
                p,
                "qrPayload,productName,lot,zoneCode,harvestDate,expiry,netQuantity,cooperativeName," + "ocopStars\n"
                        + rows,
                StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void shouldPrintACsvOntoASheetPdf() throws IOException {
        Path items = csv(
                "https://t.vn/01/08935123456784/21/A1,Dừa sáp Cầu Kè,L1,VN-TV-01,2026-03-01,,2 trái,HTX Cầu Kè,4\n"
                        + "https://t.vn/01/08935123456784/21/A2,Gạo thơm ST25,L2,VN-ST-02,2026-01-15,2026-12-31,5 kg,HTX Tân Trụ,\n");
        Path pdf = dir.resolve("out.pdf");
        assertEquals(
                0,
                run(
                        "--items",
                        items.toString(),
                        "--template",
                        "3x8-70x37",
                        "--format",
                        "pdf",
                        "--out",
                        pdf.toString(),
                        "--start-position",
                        "24",
                        "--cut-marks",
                        "--calibration"),
                stderr());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("wrote 2 labels, 3 pages"), out.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, doc.getNumberOfPages(), "calibration + position 24 + next sheet");
        }
    }

    @Test
    void shouldWriteZplAt300Dpi() throws IOException {
        Path items = csv("https://t.vn/1,Dừa,L1,VN-1,2026-03-01,,2 kg,HTX,\n");
        Path zpl = dir.resolve("out.zpl");
        assertEquals(
                0,
                run(
                        "--items",
                        items.toString(),
                        "--template",
                        "50x30",
                        "--format",
                        "zpl",
                        "--dpi",
                        "300",
                        "--out",
                        zpl.toString()),
                stderr());
        String text = Files.readString(zpl);
        assertTrue(text.startsWith("^XA^CI28^PW590^LL354") && text.contains("^FDQA,https://t.vn/1^FS"), text);
    }

    @Test
    void shouldExitWithCode2AndAClearMessageOnBadInput() throws IOException {
        Path items = csv("https://t.vn/1,Dừa,L1,VN-1,01/03/2026,,2 kg,HTX,\n");
        Path pdf = dir.resolve("bad.pdf");
        assertEquals(
                2,
                run(
                        "--items",
                        items.toString(),
                        "--template",
                        "3x8-70x37",
                        "--format",
                        "pdf",
                        "--out",
                        pdf.toString()));
        assertEquals(
                "label-printer: items.csv line 2: harvestDate '01/03/2026' is not a date (expected yyyy-MM-dd)\n",
                stderr());
        assertFalse(Files.exists(pdf), "no half-written output");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void shouldRejectUnknownTemplatesOptionsAndMissingFilesWithoutAStackTrace() throws IOException {
        Path items = csv("https://t.vn/1,Dừa,L1,VN-1,2026-03-01,,2 kg,HTX,\n");
        assertEquals(2, run("--items", items.toString(), "--template", "3x9", "--format", "pdf", "--out", "x.pdf"));
        assertTrue(stderr().contains("unknown sheet template '3x9'"), stderr());
        err.reset();
        assertEquals(
                2,
                run(
                        "--items",
                        dir.resolve("nope.csv").toString(),
                        "--template",
                        "3x8-70x37",
                        "--format",
                        "pdf",
                        "--out",
                        dir.resolve("x.pdf").toString()));
        assertTrue(stderr().contains("items file not found"), stderr());
        err.reset();
        assertEquals(2, run("--format", "svg"));
        assertTrue(stderr().startsWith("label-printer: --format must be pdf or zpl") && stderr().contains("usage:"));
        err.reset();
        Path template = dir.resolve("t.json");
        Files.writeString(
                template,
                "{\"labelWidthMm\": 300, \"labelHeightMm\": 20, \"columns\": 1, \"rows\": 1,"
                        + " \"leftMarginMm\": 0, \"topMarginMm\": 0}");
        assertEquals(
                2,
                run(
                        "--items",
                        items.toString(),
                        "--template",
                        template.toString(),
                        "--format",
                        "pdf",
                        "--out",
                        dir.resolve("x.pdf").toString()));
        assertTrue(stderr().contains("labels do not fit across the page"), stderr());
        assertFalse(stderr().contains("Exception") || stderr().contains("\tat "), stderr());
    }

    /**
     * Issue 12: 2000 x 2000 labels of 0.01 mm: a clear message per field and exit 2, no output. Before the limits the
     * calibration page was drawn for 4,000,000 labels and a 1 GB heap ran out of memory.
     */
    @Test
    void shouldRefuseATemplateBeyondRealSheetsWithAMessagePerField() throws IOException {
        Path template = dir.resolve("tiny.json");
        Files.writeString(
                template,
                "{\"name\": \"tiny\", \"labelWidthMm\": 0.01, \"labelHeightMm\": 0.01,"
                        + " \"columns\": 2000, \"rows\": 2000, \"leftMarginMm\": 0, \"topMarginMm\": 0}");
        Path pdf = dir.resolve("calib.pdf");
        assertEquals(
                2, run("--template", template.toString(), "--format", "pdf", "--calibration", "--out", pdf.toString()));
        String err = stderr();
        assertTrue(
                err.startsWith("label-printer: template 'tiny' is invalid:\n  labelWidthMm: labelWidthMm 0.01 is"
                        + " below 10 mm"),
                err);
        assertTrue(err.contains("\n  columns: columns must be 1 to 500, not 2000\n"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertFalse(Files.exists(pdf));

        Path roll = dir.resolve("huge.json");
        Files.writeString(roll, "{\"widthMm\": 1500, \"heightMm\": 1500}");
        this.err.reset();
        assertEquals(
                2,
                run(
                        "--items",
                        csv("https://t.vn/1,Dừa,L1,VN-1,2026-03-01,,2 kg,HTX,\n")
                                .toString(),
                        "--template",
                        roll.toString(),
                        "--format",
                        "zpl",
                        "--dpi",
                        "600",
                        "--out",
                        dir.resolve("o.zpl").toString()));
        assertTrue(stderr().contains("widthMm: widthMm 1500 is more than 168 mm"), stderr());
        assertFalse(Files.exists(dir.resolve("o.zpl")));
    }
}
