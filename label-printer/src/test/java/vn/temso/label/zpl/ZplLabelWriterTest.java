package vn.temso.label.zpl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.temso.label.Fixtures;
import vn.temso.label.PrintSummary;
import vn.temso.label.item.LabelItem;
import vn.temso.label.template.InvalidTemplateException;
import vn.temso.label.template.TemplateLimits;
import vn.temso.label.template.TemplateProblem;
import vn.temso.label.template.Templates;
import vn.temso.label.template.ThermalTemplate;

class ZplLabelWriterTest {

    private static final Pattern BQ = Pattern.compile("\\^FO(\\d+),(\\d+)\\^BQN,2,(\\d+),Q");
    private static final Pattern FD = Pattern.compile("\\^FDQA,(.*?)\\^FS");
    private static final Pattern GF = Pattern.compile("\\^FO(\\d+),(\\d+)\\^GFA,(\\d+),(\\d+),(\\d+),([0-9A-F]*)\\^FS");

    private static String zpl(ThermalTemplate t, List<LabelItem> items) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintSummary s = new ZplLabelWriter(t, ZplOptions.defaults()).write(items, out);
        assertEquals(items.size(), s.labels());
        assertEquals(out.size(), s.bytes());
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static int count(String s, String what) {
        return (s.length() - s.replace(what, "").length()) / what.length();
    }

    @Test
    void shouldWriteOneCompleteLabelPerItemWithItsQrPayload() throws IOException {
        List<LabelItem> items = Fixtures.items(12);
        String zpl = zpl(new ThermalTemplate("roll", 70, 37, 203), items);
        assertEquals(12, count(zpl, "^XA"));
        assertEquals(12, count(zpl, "^XZ"));
        assertEquals(12, count(zpl, "^BQN,2,"));
        assertEquals(12, count(zpl, "^GFA,"));
        assertTrue(zpl.startsWith("^XA^CI28^PW559^LL295^LH0,0"), zpl.substring(0, 40));
        List<String> payloads = new ArrayList<>();
        Matcher m = FD.matcher(zpl);
        while (m.find()) {
            payloads.add(m.group(1));
        }
        assertEquals(items.stream().map(LabelItem::qrPayload).toList(), payloads);
        for (String label : zpl.split("\\^XZ\n")) {
            assertTrue(label.indexOf("^XA") < label.indexOf("^BQN") && label.indexOf("^BQN") < label.indexOf("^GFA"));
        }
    }

    @Test
    void shouldUseWholeDotMagnificationThatGrowsWithResolution() throws IOException {
        LabelItem item = Fixtures.item(3);
        int m203 = magnification(zpl(new ThermalTemplate("r", 50, 30, 203), List.of(item)));
        int m300 = magnification(zpl(new ThermalTemplate("r", 50, 30, 300), List.of(item)));
        assertTrue(m203 >= 2 && m203 <= 10, "203 dpi module " + m203);
        assertTrue(m300 > m203 && m300 <= 10, "300 dpi module " + m300 + " > " + m203);
    }

    private static int magnification(String zpl) {
        Matcher m = BQ.matcher(zpl);
        assertTrue(m.find(), zpl);
        return Integer.parseInt(m.group(3));
    }

    @Test
    void shouldEncodeTextAsAGraphicThatDecodesBackToTheDeclaredSizeInsideTheLabel() throws IOException {
        ThermalTemplate t = new ThermalTemplate("r", 70, 37, 300);
        String zpl = zpl(t, List.of(Fixtures.item(0)));
        Matcher bq = BQ.matcher(zpl);
        assertTrue(bq.find());
        Matcher m = GF.matcher(zpl);
        assertTrue(m.find(), "a ^GFA field");
        int x = Integer.parseInt(m.group(1));
        int y = Integer.parseInt(m.group(2));
        int total = Integer.parseInt(m.group(3));
        int bytesPerRow = Integer.parseInt(m.group(5));
        byte[] bits = HexFormat.of().parseHex(m.group(6));
        assertEquals(total, Integer.parseInt(m.group(4)));
        assertEquals(total, bits.length, "hex holds exactly the declared bytes");
        assertEquals(0, total % bytesPerRow, "whole rows");
        int width = bytesPerRow * 8;
        int height = total / bytesPerRow;
        assertTrue(
                x + width <= t.widthDots() && y + height <= t.heightDots(),
                "graphic " + width + "x" + height + " at " + x + "," + y + " inside the label");
        int qrLeft = Integer.parseInt(bq.group(1));
        assertTrue(x > qrLeft, "text right of the QR");
        // the bitmap holds text: some black, mostly white, and ink in the first and lower rows (several lines)
        int black = 0;
        int lastInkRow = -1;
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < bytesPerRow; col++) {
                int b = bits[row * bytesPerRow + col] & 0xFF;
                black += Integer.bitCount(b);
                if (b != 0) {
                    lastInkRow = row;
                }
            }
        }
        double ink = black / (double) (width * height);
        assertTrue(ink > 0.02 && ink < 0.5, "ink share " + ink);
        assertTrue(lastInkRow > height / 2, "text goes down the label, last ink row " + lastInkRow + " of " + height);
    }

    @Test
    void shouldEscapeZplControlCharactersInThePayload() {
        StringBuilder z = new StringBuilder();
        ZplLabelWriter.appendQrField(z, "https://x.vn/a^b~c\\d", 'Q');
        assertEquals("^FH\\^FDQA,https://x.vn/a\\5Eb\\7Ec\\5Cd^FS\n", z.toString());
    }

    @Test
    void shouldTakeThermalSizeFromASheetPreset() throws IOException {
        ThermalTemplate t = Templates.thermal("4x10", 203);
        assertEquals(48.5, t.widthMm());
        assertEquals(203, t.dpi());
        String zpl = zpl(t, List.of(Fixtures.item(1)));
        assertTrue(zpl.contains("^PW387^LL203"), zpl.substring(0, 40));
    }

    /** Issue 12: the largest label the limits allow is written, its text bitmap within the bound. */
    @Test
    void shouldWriteTheLargestLabelTheLimitsAllow() throws IOException {
        ThermalTemplate biggest = new ThermalTemplate(
                "max", TemplateLimits.MAX_THERMAL_WIDTH_MM, TemplateLimits.MAX_THERMAL_LENGTH_MM, 203);
        String zpl = zpl(biggest, Fixtures.items(1));
        Matcher gf = GF.matcher(zpl);
        assertTrue(gf.find(), zpl.substring(0, 200));
        assertTrue(Long.parseLong(gf.group(3)) <= TemplateLimits.MAX_RASTER_BYTES, gf.group(3));
        assertTrue(zpl.startsWith("^XA^CI28^PW1342^LL7920"), zpl.substring(0, 40));
    }

    /**
     * Issue 12: a 1500 x 1500 mm label at 600 dpi (a saved sheet template printed as ZPL) is refused before any
     * bitmap is allocated; the code before the limits accepted it and ran a 1 GB heap out of memory on its first
     * label.
     */
    @Test
    void shouldRefuseALabelWhoseBitmapNoPrinterTakes() {
        InvalidTemplateException e = assertThrows(
                InvalidTemplateException.class,
                () -> new ZplLabelWriter(
                        Templates.thermalFromJson(
                                new java.io.ByteArrayInputStream("{\"widthMm\": 1500, \"heightMm\": 1500, \"dpi\": 600}"
                                        .getBytes(StandardCharsets.UTF_8)),
                                "huge.json",
                                0),
                        ZplOptions.defaults()));
        assertEquals(
                List.of("widthMm", "heightMm"),
                e.problems().stream().map(TemplateProblem::field).toList());
    }
}
