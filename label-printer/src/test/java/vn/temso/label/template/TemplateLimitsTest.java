package vn.temso.label.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 1: templates beyond real sheets and printers are refused when they are made, each problem naming
 * its field, before any writer lays out a label. Every test here failed on the code before the limits (the templates
 * were accepted: 4,000,000 labels per sheet, a 35,433 x 35,433-dot thermal label, an int-overflowed sheet).
 */
class TemplateLimitsTest {

    private static SheetTemplate json(String json) throws IOException {
        return Templates.sheetFromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    private static List<String> fields(InvalidTemplateException e) {
        return e.problems().stream().map(TemplateProblem::field).toList();
    }

    private static InvalidTemplateException sheetError(String json) {
        return assertThrows(InvalidTemplateException.class, () -> json(json));
    }

    @Test
    void shouldRefuseMillionsOfTinyLabelsNamingEachField() {
        // the request that ran a 1 GB heap out of memory when its calibration page was drawn
        InvalidTemplateException e = sheetError("""
                {"name": "tiny", "labelWidthMm": 0.01, "labelHeightMm": 0.01, "columns": 2000, "rows": 2000,
                 "leftMarginMm": 0, "topMarginMm": 0}
                """);
        assertEquals(List.of("labelWidthMm", "labelHeightMm", "columns", "rows"), fields(e), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("below 10 mm"), e.getMessage());
        assertTrue(e.problems().get(2).message().contains("columns must be 1 to 500, not 2000"), e.getMessage());
        assertEquals("template 'tiny'", e.subject());
    }

    @Test
    void shouldCapLabelsPerSheetEvenWhenEachAxisIsAllowed() {
        // 30 x 30 labels of 10 mm fit an A3+ sheet, but 900 labels are more than any sheet sold
        InvalidTemplateException e = sheetError("""
                {"pageWidthMm": 330, "pageHeightMm": 483, "labelWidthMm": 10, "labelHeightMm": 10, "columns": 30,
                 "rows": 30, "leftMarginMm": 0, "topMarginMm": 0}
                """);
        assertEquals(List.of("rows"), fields(e), e.getMessage());
        assertTrue(e.getMessage().contains("30 columns x 30 rows = 900 labels per sheet; at most 500"), e.getMessage());
    }

    @Test
    void shouldNeverOverflowColumnsTimesRows() {
        // 65,536 x 65,536 = 2^32 was 0 in int arithmetic: such a sheet was accepted with 0 labels per sheet
        InvalidTemplateException e = assertThrows(
                InvalidTemplateException.class,
                () -> new SheetTemplate("o", 210, 297, 0.001, 0.001, 0, 65_536, 65_536, 0, 0, 0.001, 0.001));
        assertTrue(fields(e).containsAll(List.of("columns", "rows")), e.getMessage());
        e = sheetError("""
                {"labelWidthMm": 60, "labelHeightMm": 30, "columns": 10000000000, "rows": 1, "leftMarginMm": 0,
                 "topMarginMm": 0}
                """);
        assertEquals(List.of("columns"), fields(e), e.getMessage());
        e = sheetError("""
                {"labelWidthMm": 60, "labelHeightMm": 30, "columns": "three", "rows": 1, "leftMarginMm": 0,
                 "topMarginMm": 0}
                """);
        assertEquals(List.of("columns"), fields(e), e.getMessage());
    }

    @Test
    void shouldAcceptRealSheetsUpToA3PlusInEitherOrientation() throws IOException {
        for (String preset : Templates.sheetPresetNames()) {
            assertTrue(Templates.sheetPreset(preset).labelsPerSheet() <= TemplateLimits.MAX_LABELS_PER_SHEET);
        }
        // Avery L7658 on A4: 189 labels of 25.4 x 10 mm, the densest sheet sold
        assertEquals(189, json("""
                {"labelWidthMm": 25.4, "labelHeightMm": 10, "columns": 7, "rows": 27, "leftMarginMm": 8.4,
                 "topMarginMm": 13.5, "horizontalGapMm": 2.5}
                """).labelsPerSheet());
        assertEquals(2, json("""
                {"pageWidthMm": 483, "pageHeightMm": 330, "labelWidthMm": 200, "labelHeightMm": 300, "columns": 2,
                 "rows": 1, "leftMarginMm": 0, "topMarginMm": 0}
                """).labelsPerSheet());
        assertEquals(6, json("""
                {"pageWidthMm": 215.9, "pageHeightMm": 279.4, "labelWidthMm": 101.6, "labelHeightMm": 84.7,
                 "columns": 2, "rows": 3, "leftMarginMm": 4.8, "topMarginMm": 12.7}
                """).labelsPerSheet());
    }

    @Test
    void shouldRefusePagesLargerThanA3Plus() {
        InvalidTemplateException e = sheetError("""
                {"name": "huge", "pageWidthMm": 1500, "pageHeightMm": 1500, "labelWidthMm": 1500,
                 "labelHeightMm": 1500, "columns": 1, "rows": 1, "leftMarginMm": 0, "topMarginMm": 0}
                """);
        assertEquals(List.of("pageWidthMm", "pageHeightMm"), fields(e), e.getMessage());
        assertTrue(e.getMessage().contains("A3+ (330 x 483 mm"), e.getMessage());
    }

    @Test
    void shouldRefuseInfiniteAndNegativeSpacing() {
        // 1e400 parses as infinity; with one column 0 x infinity was NaN and every check on it passed
        InvalidTemplateException e = sheetError("""
                {"labelWidthMm": 60, "labelHeightMm": 30, "columns": 1, "rows": 1, "leftMarginMm": 0,
                 "topMarginMm": 0, "horizontalPitchMm": 1e400}
                """);
        assertEquals(List.of("horizontalPitchMm"), fields(e), e.getMessage());
        e = sheetError("""
                {"labelWidthMm": 60, "labelHeightMm": 30, "columns": 2, "rows": 1, "leftMarginMm": 1e400,
                 "topMarginMm": 0}
                """);
        assertEquals(List.of("leftMarginMm"), fields(e), e.getMessage());
        e = sheetError("""
                {"labelWidthMm": 60, "labelHeightMm": 30, "columns": 2, "rows": 1, "leftMarginMm": 0,
                 "topMarginMm": 0, "verticalGapMm": -2}
                """);
        assertEquals(List.of("verticalGapMm"), fields(e), e.getMessage());
        e = sheetError("""
                {"labelWidthMm": 60, "labelHeightMm": 30, "columns": 2, "rows": 1, "leftMarginMm": 0,
                 "topMarginMm": 0, "horizontalGapMm": -30}
                """);
        assertEquals(List.of("horizontalGapMm"), fields(e), e.getMessage());
    }

    @Test
    void shouldRefuseThermalLabelsNoZebraClassPrinterTakes() throws IOException {
        // the saved 1500 x 1500 mm template printed as ZPL at 600 dpi: 35,433 x 35,433 dots, 157 MB of bitmap
        InvalidTemplateException e = assertThrows(
                InvalidTemplateException.class,
                () -> Templates.thermalFromJson(
                        new ByteArrayInputStream(
                                "{\"name\": \"huge\", \"widthMm\": 1500, \"heightMm\": 1500, \"dpi\": 600}"
                                        .getBytes(StandardCharsets.UTF_8)),
                        "huge.json",
                        0));
        assertEquals(List.of("widthMm", "heightMm"), fields(e), e.getMessage());
        e = assertThrows(InvalidTemplateException.class, () -> new ThermalTemplate("w", 169, 50, 203));
        assertEquals(List.of("widthMm"), fields(e));
        e = assertThrows(InvalidTemplateException.class, () -> new ThermalTemplate("n", 5, 30, 203));
        assertEquals(List.of("widthMm"), fields(e));
        e = assertThrows(InvalidTemplateException.class, () -> new ThermalTemplate("d", 50, 30, 1200));
        assertEquals(List.of("dpi"), fields(e));
        // the longest, widest roll label at 203 dpi fits the bitmap bound; at 300 dpi it does not
        ThermalTemplate biggest = new ThermalTemplate("max", 168, 991, 203);
        assertTrue(biggest.rasterBytes() <= TemplateLimits.MAX_RASTER_BYTES, () -> "" + biggest.rasterBytes());
        e = assertThrows(InvalidTemplateException.class, () -> new ThermalTemplate("max", 168, 991, 300));
        assertEquals(List.of("heightMm"), fields(e));
        assertTrue(e.getMessage().contains("2,902,592-byte bitmap"), e.getMessage());
        assertTrue(new ThermalTemplate("152", 50, 30, 152).widthDots() > 0);
    }

    @Test
    void shouldNameTheSheetFieldsWhenASheetLabelIsPrintedOnARoll() {
        SheetTemplate a3 = new SheetTemplate("a3", 330, 483, 320, 480, 0, 1, 1, 0, 0, 320, 480);
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class, () -> ThermalTemplate.of(a3, 600));
        assertEquals(List.of("labelWidthMm"), fields(e), e.getMessage());
        assertTrue(e.getMessage().contains("labelWidthMm 320 is more than 168 mm"), e.getMessage());
    }
}
