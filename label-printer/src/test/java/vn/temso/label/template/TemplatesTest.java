package vn.temso.label.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private static SheetTemplate json(String json) throws IOException {
        return Templates.sheetFromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    private static String error(String json) {
        return assertThrows(InvalidTemplateException.class, () -> json(json)).getMessage();
    }

    @Test
    void shouldOfferThePresetsThatFitA4() {
        assertEquals(List.of("3x8-70x37", "avery-l7160", "avery-l7163", "4x10", "2x4"), Templates.sheetPresetNames());
        SheetTemplate t = Templates.sheetPreset("avery-l7160");
        assertEquals(21, t.labelsPerSheet());
        assertEquals(7.21 + 2 * 66.04, t.labelLeftMm(2), 1e-9);
        assertEquals(15.15 + 38.1, t.labelTopMm(3), 1e-9);
        assertEquals(2.54, t.horizontalGapMm(), 1e-9);
    }

    @Test
    void shouldLoadACustomTemplateWithGapsAndA4Default() throws IOException {
        SheetTemplate t = json("""
                {"name": "coop-sheet", "labelWidthMm": 60, "labelHeightMm": 30, "columns": 3, "rows": 9,
                 "leftMarginMm": 10, "topMarginMm": 5, "horizontalGapMm": 5, "verticalGapMm": 2, "cornerRadiusMm": 2}
                """);
        assertEquals(new SheetTemplate("coop-sheet", 210, 297, 60, 30, 2, 3, 9, 10, 5, 65, 32), t);
    }

    @Test
    void shouldExplainLabelsThatDoNotFitThePage() {
        String m = error("""
                {"labelWidthMm": 70, "labelHeightMm": 37, "columns": 3, "rows": 8, "leftMarginMm": 5, "topMarginMm": 0}
                """);
        assertTrue(
                m.contains("labels do not fit across the page: 3 columns need 215 mm")
                        && m.contains("the page is 210 mm wide"),
                m);
        m = error("""
                {"labelWidthMm": 70, "labelHeightMm": 37, "columns": 3, "rows": 9, "leftMarginMm": 0, "topMarginMm": 0}
                """);
        assertTrue(m.contains("do not fit down the page: 9 rows need 333 mm"), m);
    }

    @Test
    void shouldListEveryBadSizeAndMissingOrUnknownField() {
        String m = error("""
                {"labelWidthMm": -1, "labelHeightMm": 0, "columns": 0, "rows": 2, "leftMarginMm": 0, "topMarginMm": 0}
                """);
        assertTrue(
                m.contains("labelWidthMm must be a positive number")
                        && m.contains("labelHeightMm must be a positive")
                        && m.contains("columns must be 1 to 500, not 0"),
                m);
        m = error("""
                {"labelWidthMm": 50, "columns": 2, "rows": 2, "leftMarginMm": 0}
                """);
        assertTrue(m.contains("labelHeightMm is required") && m.contains("topMarginMm is required"), m);
        m = error("""
                {"labelWidthMm": 50, "labelHeightMm": 20, "colums": 2}
                """);
        assertTrue(m.contains("unknown field 'colums'") && m.contains("columns"), m);
        m = error("""
                {"labelWidthMm": 50, "labelHeightMm": 20, "columns": 2, "rows": 2, "leftMarginMm": 0, "topMarginMm": 0,
                 "horizontalGapMm": 1, "horizontalPitchMm": 51}
                """);
        assertTrue(m.contains("horizontalPitchMm or horizontalGapMm, not both"), m);
        m = error("""
                {"labelWidthMm": 50, "labelHeightMm": 20, "columns": 2, "rows": 2, "leftMarginMm": 0, "topMarginMm": 0,
                 "horizontalPitchMm": 40}
                """);
        assertTrue(m.contains("labels would overlap"), m);
        assertTrue(error("{not json").contains("not a valid template"));
    }

    @Test
    void shouldNameThePresetsWhenTheTemplateIsUnknown() {
        String m = assertThrows(InvalidTemplateException.class, () -> Templates.sheet("3x9"))
                .getMessage();
        assertTrue(m.contains("unknown sheet template '3x9'") && m.contains("avery-l7163"), m);
    }

    @Test
    void shouldValidateThermalTemplates() throws IOException {
        ThermalTemplate t = Templates.thermalFromJson(
                new ByteArrayInputStream(
                        "{\"widthMm\": 50, \"heightMm\": 30, \"dpi\": 300}".getBytes(StandardCharsets.UTF_8)),
                "r.json",
                0);
        assertEquals(590, t.widthDots());
        assertEquals(354, t.heightDots());
        String m = assertThrows(InvalidTemplateException.class, () -> new ThermalTemplate("x", 50, 30, 150))
                .getMessage();
        assertTrue(m.contains("dpi must be 152, 203, 300 or 600"), m);
    }
}
