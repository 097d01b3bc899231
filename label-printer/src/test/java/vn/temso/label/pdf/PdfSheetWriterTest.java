package vn.temso.label.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.temso.label.Fixtures;
import vn.temso.label.LabelPrinterException;
import vn.temso.label.PrintSummary;
import vn.temso.label.item.InvalidLabelItemException;
import vn.temso.label.item.LabelItem;
import vn.temso.label.layout.LabelText;
import vn.temso.label.template.SheetTemplate;
import vn.temso.label.template.Templates;

class PdfSheetWriterTest {

    private static final SheetTemplate SHEET = Templates.sheetPreset("3x8-70x37");
    /** Slack for PDFBox's glyph-box estimates, in points (0.18 mm). */
    private static final double SLACK = 0.5;

    private static byte[] pdf(SheetTemplate t, PdfOptions options, List<LabelItem> items) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfSheetWriter(t, options).write(items, out);
        return out.toByteArray();
    }

    @Test
    void shouldPrintEveryLabelsTextAndQrFromTheStartPosition() throws IOException {
        List<LabelItem> items = Fixtures.items(30);
        byte[] bytes = pdf(SHEET, PdfOptions.defaults().withStartPosition(5).withEncoderThreads(2), items);
        try (PdfReadBack pdf = new PdfReadBack(bytes, SHEET)) {
            assertEquals(2, pdf.pages(), "4 skipped + 30 labels need 2 sheets of 24");
            for (int page = 0; page < 2; page++) {
                List<String> texts = pdf.labelTexts(page);
                BufferedImage image = pdf.render(page, 300);
                for (int pos = 0; pos < 24; pos++) {
                    int index = page * 24 + pos - 4;
                    Rectangle2D box = pdf.box(pos);
                    if (index < 0 || index >= items.size()) {
                        assertEquals("", texts.get(pos), "position " + (pos + 1) + " of page " + (page + 1));
                        assertNull(PdfReadBack.decode(image, box, 300), "no QR at unused position " + (pos + 1));
                        continue;
                    }
                    LabelItem item = items.get(index);
                    String text = texts.get(pos);
                    for (String expected : expectedTexts(item)) {
                        assertTrue(
                                text.contains(expected),
                                "label " + index + " should show '" + expected + "' but reads '" + text + "'");
                    }
                    assertEquals(item.qrPayload(), PdfReadBack.decode(image, box, 300), "QR of label " + index);
                }
            }
        }
    }

    static List<String> expectedTexts(LabelItem item) {
        List<String> expected = new ArrayList<>(List.of(
                item.productName(),
                item.cooperativeName(),
                "Lô: " + item.lot(),
                "Vùng trồng: " + item.zoneCode(),
                "Thu hoạch: " + LabelText.DATE.format(item.harvestDate()),
                "KL tịnh: " + item.netQuantity()));
        item.expiryDate().ifPresent(e -> expected.add("HSD: " + LabelText.DATE.format(e)));
        if (item.ocopStars() > 0) {
            expected.add("★".repeat(item.ocopStars()) + " OCOP");
        }
        return expected;
    }

    @Test
    void shouldReadVietnameseDiacriticsBackExactly() throws IOException {
        List<LabelItem> items = List.of(Fixtures.item(0), Fixtures.withName(Fixtures.item(1), "Dừa sáp Cầu Kè"));
        try (PdfReadBack pdf = new PdfReadBack(pdf(SHEET, PdfOptions.defaults(), items), SHEET)) {
            List<String> texts = pdf.labelTexts(0);
            assertTrue(
                    texts.get(0).startsWith("Gạo thơm ST25 Hợp tác xã Tân Trụ Xanh Hợp tác xã Tân Trụ Xanh"),
                    texts.get(0));
            assertTrue(texts.get(1).startsWith("Dừa sáp Cầu Kè HTX Nông nghiệp Cầu Kè"), texts.get(1));
        }
    }

    static Stream<SheetTemplate> presets() {
        return Templates.sheetPresets().stream();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void shouldKeepEveryGlyphAndQrRectangleInsideItsOwnLabel(SheetTemplate template) throws IOException {
        List<LabelItem> items = new ArrayList<>(Fixtures.items(template.labelsPerSheet()));
        items.set(
                1,
                Fixtures.withName(
                        items.get(1),
                        "Bưởi da xanh Bến Tre loại đặc biệt tuyển chọn xuất khẩu "
                                + "Hợp tác xã Dịch vụ Nông nghiệp Chợ Lách tỉnh Bến Tre"));
        items.set(2, Fixtures.withName(items.get(2), "Siêuuuuuuuuuuuuuuuuuuuuuuuuuuuuuudàiiiiiiiiiiiiiiiiiiiiiiii"));
        try (PdfReadBack pdf = new PdfReadBack(pdf(template, PdfOptions.defaults(), items), template)) {
            assertEquals(1, pdf.pages());
            List<TextPosition> glyphs = pdf.glyphs(0);
            assertFalse(glyphs.isEmpty());
            for (TextPosition g : glyphs) {
                int label = labelAt(pdf, g.getXDirAdj() + g.getWidthDirAdj() / 2, g.getYDirAdj() - 1);
                assertTrue(label >= 0, "glyph '" + g.getUnicode() + "' outside every label");
                Rectangle2D box = pdf.box(label);
                assertTrue(
                        g.getXDirAdj() >= box.getMinX() - SLACK
                                && g.getXDirAdj() + g.getWidthDirAdj() <= box.getMaxX() + SLACK
                                && g.getYDirAdj() - g.getHeightDir() >= box.getMinY() - SLACK
                                && g.getYDirAdj() <= box.getMaxY() + SLACK,
                        "glyph '" + g.getUnicode() + "' of label " + label + " overflows its box " + box + ": x="
                                + g.getXDirAdj() + " w=" + g.getWidthDirAdj() + " baseline=" + g.getYDirAdj());
            }
            List<Rectangle2D> rects = pdf.rectangles(0);
            assertTrue(rects.size() > 50 * items.size(), "QR modules are drawn as rectangles");
            Set<Integer> labelsWithQr = new HashSet<>();
            for (Rectangle2D r : rects) {
                int label = labelAt(pdf, r.getCenterX(), r.getCenterY());
                assertTrue(label >= 0 && pdf.box(label).contains(r), "QR rectangle " + r + " outside its label");
                labelsWithQr.add(label);
            }
            assertEquals(items.size(), labelsWithQr.size());
        }
    }

    private static int labelAt(PdfReadBack pdf, double x, double y) {
        for (int i = 0; i < pdf.template.labelsPerSheet(); i++) {
            if (pdf.box(i).contains(x, y)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void shouldWrapThenShrinkALongNameWithoutOverflow() throws IOException {
        String longName = "Gạo thơm ST25 đặc sản Sóc Trăng vụ Đông Xuân tuyển chọn Hợp tác xã Tân Trụ Xanh Long An";
        List<LabelItem> items = List.of(Fixtures.item(0), Fixtures.withName(Fixtures.item(0), longName));
        try (PdfReadBack pdf = new PdfReadBack(pdf(SHEET, PdfOptions.defaults(), items), SHEET)) {
            String text = pdf.labelTexts(0).get(1);
            assertTrue(text.startsWith(longName), "whole name kept, wrapped: " + text);
            List<TextPosition> glyphs = pdf.glyphs(0);
            Rectangle2D box = pdf.box(1);
            double shortNameSize = glyphs.stream()
                    .filter(g -> pdf.box(0).contains(g.getXDirAdj(), g.getYDirAdj() - 1))
                    .mapToDouble(TextPosition::getFontSizeInPt)
                    .max()
                    .orElseThrow();
            List<TextPosition> mine = glyphs.stream()
                    .filter(g -> box.contains(g.getXDirAdj(), g.getYDirAdj() - 1))
                    .toList();
            double longNameSize = mine.stream()
                    .mapToDouble(TextPosition::getFontSizeInPt)
                    .max()
                    .orElseThrow();
            assertTrue(longNameSize < shortNameSize, "long name shrinks: " + longNameSize + " < " + shortNameSize);
            long nameLines = mine.stream()
                    .filter(g -> g.getFontSizeInPt() == longNameSize)
                    .mapToDouble(TextPosition::getYDirAdj)
                    .distinct()
                    .count();
            assertTrue(nameLines >= 3, "long name wraps over several lines: " + nameLines);
            for (TextPosition g : mine) {
                assertTrue(
                        g.getXDirAdj() + g.getWidthDirAdj() <= box.getMaxX() + SLACK
                                && g.getYDirAdj() <= box.getMaxY() + SLACK,
                        "glyph overflows: " + g);
            }
        }
    }

    @Test
    void shouldBeginWithACalibrationPageShowingTheTemplateNumbers() throws IOException {
        SheetTemplate t = Templates.sheetPreset("avery-l7160");
        byte[] bytes = pdf(t, PdfOptions.defaults().withCalibrationPage(true).withCutMarks(true), Fixtures.items(2));
        try (PdfReadBack pdf = new PdfReadBack(bytes, t)) {
            assertEquals(2, pdf.pages());
            String all = String.join(" ", pdf.labelTexts(0));
            assertTrue(all.contains("#1") && all.contains("#21"), all);
            assertTrue(
                    all.contains("avery-l7160") && all.contains("63.5 x 38.1 mm") && all.contains("pitch 66.04"), all);
            assertTrue(pdf.labelTexts(1).get(0).contains(Fixtures.item(0).productName()));
        }
        ByteArrayOutputStream only = new ByteArrayOutputStream();
        PrintSummary s = new PdfSheetWriter(t, PdfOptions.defaults()).writeCalibration(only);
        assertEquals(0, s.labels());
        assertEquals(1, s.pages());
    }

    @Test
    void shouldReportProgressPerPageAndStreamFromAnIterator() throws IOException {
        List<long[]> calls = new ArrayList<>();
        PdfOptions options = PdfOptions.defaults().withProgress((done, total) -> calls.add(new long[] {done, total}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintSummary s =
                new PdfSheetWriter(SHEET, options).write(Fixtures.items(50).iterator(), 50, out);
        assertEquals(new PrintSummary(50, 3, out.size()), s);
        assertEquals(List.of(24L, 48L, 50L), calls.stream().map(c -> c[0]).toList());
        assertTrue(calls.stream().allMatch(c -> c[1] == 50));
    }

    @Test
    void shouldRejectStartPositionPastTheSheetAndEmptyInput() {
        LabelPrinterException e = assertThrows(
                LabelPrinterException.class,
                () -> new PdfSheetWriter(SHEET, PdfOptions.defaults().withStartPosition(25)));
        assertTrue(e.getMessage().contains("24 labels per sheet"), e.getMessage());
        assertThrows(
                InvalidLabelItemException.class,
                () -> new PdfSheetWriter(SHEET, PdfOptions.defaults()).write(List.of(), new ByteArrayOutputStream()));
    }

    @Test
    void shouldSnapQrModulesToTheDotGrid() throws IOException {
        try (PdfReadBack pdf = new PdfReadBack(pdf(SHEET, PdfOptions.defaults(), Fixtures.items(3)), SHEET)) {
            for (Rectangle2D r : pdf.rectangles(0)) {
                double dots = 300 / 72.0;
                for (double v : new double[] {r.getMinX(), r.getMaxX(), r.getWidth(), r.getHeight()}) {
                    assertEquals(Math.round(v * dots), v * dots, 0.01, "edge off the 300-dpi grid: " + r);
                }
                double top = r.getMinY() * dots;
                assertEquals(Math.round(top), top, 0.01, "edge off the 300-dpi grid: " + r);
            }
        }
    }

    @Test
    void shouldAlsoBeReadByZbarWhenInstalled(@TempDir Path dir) throws Exception {
        assumeTrue(zbarInstalled(), "zbarimg not installed (apt-get install zbar-tools)");
        List<LabelItem> items = Fixtures.items(24);
        try (PdfReadBack pdf = new PdfReadBack(pdf(SHEET, PdfOptions.defaults(), items), SHEET)) {
            Path png = dir.resolve("page.png");
            ImageIO.write(pdf.render(0, 300), "png", png.toFile());
            // stderr discarded: zbarimg complains there about a missing D-Bus, which is noise here
            Process p = new ProcessBuilder("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            Set<String> read = new HashSet<>(out.lines().toList());
            List<String> missed = items.stream()
                    .map(LabelItem::qrPayload)
                    .filter(u -> !read.contains(u))
                    .toList();
            assertEquals(List.of(), missed, "zbar reads every QR of the page");
            assertEquals(items.size(), read.size(), "and nothing else: " + read);
        }
    }

    private static boolean zbarInstalled() {
        try {
            Process p = new ProcessBuilder("zbarimg", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
