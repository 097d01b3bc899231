package vn.temso.printing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.label.template.SheetTemplate;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;

class LabelTemplatesTest {

    static final String SHEET = "{\"name\": \"Tomy 3x9\", \"labelWidthMm\": 60, \"labelHeightMm\": 30,"
            + " \"cornerRadiusMm\": 2, \"columns\": 3, \"rows\": 9, \"leftMarginMm\": 10, \"topMarginMm\": 5,"
            + " \"horizontalGapMm\": 5, \"verticalGapMm\": 2}";

    @Test
    void shouldWriteBackJsonThatLoadsToTheSameGeometry() {
        SheetTemplate t = LabelTemplates.parse(SHEET);
        assertEquals(27, t.labelsPerSheet());
        String json = LabelTemplates.toJson(t);
        assertTrue(json.contains("\"horizontalPitchMm\":65"), json);
        assertEquals(t, LabelTemplates.parse(json));
    }

    @Test
    void shouldNameTheFieldOfEveryProblem() {
        List<ProblemException.Violation> v = violations(SHEET.replace("\"columns\": 3", "\"columns\": 4")
                .replace("\"cornerRadiusMm\": 2", "\"cornerRadiusMm\": 20"));
        assertEquals(
                List.of("cornerRadiusMm", "columns"),
                v.stream().map(ProblemException.Violation::field).toList(),
                v.toString());
        assertTrue(v.get(1).message().contains("do not fit across"), v.toString());

        assertEquals(
                "labelHeightMm",
                violations("{\"labelWidthMm\": 60, \"columns\": 1, \"rows\": 1,"
                                + " \"leftMarginMm\": 0, \"topMarginMm\": 0}")
                        .get(0)
                        .field());
        assertEquals(
                "colour",
                violations(SHEET.replace("\"rows\"", "\"colour\": 1, \"rows\""))
                        .get(0)
                        .field());
        assertEquals("template", violations("{not json").get(0).field());
        assertEquals("template", violations("").get(0).field());
        assertEquals("template", violations("[1, 2]").get(0).field());
    }

    @Test
    void shouldReservePresetNames() {
        assertTrue(LabelTemplates.isPresetName("Avery-L7160"));
        assertTrue(LabelTemplates.isPresetName("50x30"));
        assertTrue(!LabelTemplates.isPresetName("Tomy 3x9"));
    }

    /**
     * Issue 12, finding 1: 2000 x 2000 labels of 0.01 mm (whose calibration page ran the server out of memory) and a
     * 1500 x 1500 mm sheet (a 157 MB bitmap as ZPL at 600 dpi) are 400s naming each field. Both were accepted before.
     */
    @Test
    void shouldRefuseTemplatesBeyondRealSheetsNamingEachField() {
        assertEquals(
                List.of("labelWidthMm", "labelHeightMm", "columns", "rows"),
                fields(violations(
                        "{\"name\": \"tiny\", \"labelWidthMm\": 0.01, \"labelHeightMm\": 0.01, \"columns\": 2000,"
                                + " \"rows\": 2000, \"leftMarginMm\": 0, \"topMarginMm\": 0}")));
        assertEquals(
                List.of("pageWidthMm", "pageHeightMm"),
                fields(violations(
                        "{\"name\": \"huge\", \"pageWidthMm\": 1500, \"pageHeightMm\": 1500, \"labelWidthMm\": 1500,"
                                + " \"labelHeightMm\": 1500, \"columns\": 1, \"rows\": 1, \"leftMarginMm\": 0,"
                                + " \"topMarginMm\": 0}")));
        assertEquals(
                List.of("columns"), fields(violations(SHEET.replace("\"columns\": 3", "\"columns\": 99999999999"))));
    }

    private static List<String> fields(List<ProblemException.Violation> v) {
        return v.stream().map(ProblemException.Violation::field).toList();
    }

    private static List<ProblemException.Violation> violations(String json) {
        return assertThrows(Problems.ValidationFailed.class, () -> LabelTemplates.parse(json))
                .violations();
    }
}
