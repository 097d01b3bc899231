package vn.temso.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.label.LabelProgress;
import vn.temso.label.PrintSummary;
import vn.temso.platform.problem.Problems;
import vn.temso.printing.control.LabelContent;
import vn.temso.printing.control.LabelOutput;
import vn.temso.printing.entity.PrintFormat;

class LabelOutputTest {

    static final LabelContent CONTENT = new LabelContent(
            "Gạo thơm ST25 – túi 5 kg",
            "TT2611-A",
            "VN-LAN-TT-0099",
            LocalDate.of(2026, 11, 10),
            null,
            "túi 5 kg",
            "HTX Nông nghiệp Tân Trụ Xanh",
            4);
    static final String URL =
            "https://tem.temso.test/01/08931234500993/10/TT2611-A/21/ABCDEFGH12345678?kid=k1&sig=" + "Q".repeat(86);

    @Test
    void shouldDefaultToTheA4SheetAnd300DpiForPdf() {
        LabelOutput o = LabelOutput.of(PrintFormat.PDF, null, null, null, null);
        assertEquals("3x8-70x37", o.templateName());
        assertEquals(300, o.dpi());
        assertEquals(1, o.startPosition());
    }

    @Test
    void shouldDefaultToA50x30ThermalLabelAt203DpiForZpl() {
        LabelOutput o = LabelOutput.of(PrintFormat.ZPL, " ", null, null, null);
        assertEquals("50x30", o.templateName());
        assertEquals(203, o.dpi());
    }

    @Test
    void shouldRefuseTemplatePathsUnknownNamesAndBadSettingsWithEveryViolation() {
        var e = assertThrows(
                Problems.ValidationFailed.class,
                () -> LabelOutput.of(PrintFormat.PDF, "/tmp/sheet.json", 50, 0, false));
        assertEquals(
                List.of("dpi", "template"),
                e.violations().stream().map(v -> v.field()).toList());
        var z = assertThrows(
                Problems.ValidationFailed.class, () -> LabelOutput.of(PrintFormat.ZPL, "50x30", 250, 3, false));
        assertEquals(
                List.of("dpi", "startPosition"),
                z.violations().stream().map(v -> v.field()).toList());
        var s = assertThrows(
                Problems.ValidationFailed.class, () -> LabelOutput.of(PrintFormat.PDF, "4x10", 300, 41, false));
        assertTrue(s.getMessage().contains("1 to 40"), s.getMessage());
    }

    @Test
    void shouldAcceptASheetPresetsLabelSizeForZpl() {
        assertEquals(
                "avery-l7163",
                LabelOutput.of(PrintFormat.ZPL, "avery-l7163", 300, null, null).templateName());
    }

    @Test
    void shouldWriteZplWithTheStampUrlInTheQr() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintSummary s = LabelOutput.of(PrintFormat.ZPL, "58x40", 300, null, null)
                .write(List.of(CONTENT.label(URL), CONTENT.label(URL + "B")).iterator(), 2, LabelProgress.NONE, out);
        assertEquals(2, s.labels());
        String zpl = out.toString(StandardCharsets.US_ASCII);
        assertTrue(zpl.startsWith("^XA"));
        assertTrue(zpl.contains("^BQN") && zpl.contains(URL), zpl);
    }

    @Test
    void shouldCheckATrialLabelWithoutWritingAnything() {
        LabelOutput.of(PrintFormat.PDF, "4x10", 300, 40, true).check(CONTENT.label(URL));
    }
}
