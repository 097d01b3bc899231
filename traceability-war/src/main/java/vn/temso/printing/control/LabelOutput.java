package vn.temso.printing.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import vn.temso.label.LabelPrinterException;
import vn.temso.label.LabelProgress;
import vn.temso.label.PrintSummary;
import vn.temso.label.item.LabelItem;
import vn.temso.label.pdf.PdfOptions;
import vn.temso.label.pdf.PdfSheetWriter;
import vn.temso.label.template.InvalidTemplateException;
import vn.temso.label.template.SheetTemplate;
import vn.temso.label.template.TemplateProblem;
import vn.temso.label.template.Templates;
import vn.temso.label.template.ThermalTemplate;
import vn.temso.label.zpl.ZplLabelWriter;
import vn.temso.label.zpl.ZplOptions;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;
import vn.temso.printing.entity.PrintFormat;
import vn.temso.printing.entity.PrintJob;

/**
 * A checked choice of format, template and printer settings, and the writer it needs. Only built-in presets are
 * accepted by name: the library would also read a template from a file path, which a client must never choose.
 * A cooperative's custom sheet template comes in already loaded (see {@link LabelTemplates}).
 */
public final class LabelOutput {

    public static final String DEFAULT_SHEET = "3x8-70x37";
    public static final String DEFAULT_THERMAL = "50x30";

    private final PrintFormat format;
    private final String templateName;
    private final int dpi;
    private final int startPosition;
    private final boolean cutMarks;
    private final SheetTemplate sheet;
    private final ThermalTemplate thermal;

    private LabelOutput(
            PrintFormat format,
            String templateName,
            int dpi,
            int startPosition,
            boolean cutMarks,
            SheetTemplate sheet,
            ThermalTemplate thermal) {
        this.format = format;
        this.templateName = templateName;
        this.dpi = dpi;
        this.startPosition = startPosition;
        this.cutMarks = cutMarks;
        this.sheet = sheet;
        this.thermal = thermal;
    }

    /** @throws Problems.ValidationFailed listing every bad field */
    public static LabelOutput of(
            PrintFormat format, String template, Integer dpi, Integer startPosition, Boolean cutMarks) {
        return of(format, template, null, List.of(), dpi, startPosition, cutMarks);
    }

    /** The output a recorded job was checked for: its preset, or the copy of its custom sheet. */
    public static LabelOutput of(PrintJob job) {
        SheetTemplate custom = job.getTemplateJson() == null ? null : LabelTemplates.parse(job.getTemplateJson());
        return of(
                job.getFormat(),
                job.getTemplateName(),
                custom,
                List.of(),
                job.getDpi(),
                job.getStartPosition(),
                job.isCutMarks());
    }

    /**
     * @param custom      a cooperative's saved sheet template (named {@code template}), or null for a preset
     * @param customNames the cooperative's saved templates, named in the message when {@code template} is unknown
     * @throws Problems.ValidationFailed listing every bad field
     */
    public static LabelOutput of(
            PrintFormat format,
            String template,
            SheetTemplate custom,
            List<String> customNames,
            Integer dpi,
            Integer startPosition,
            Boolean cutMarks) {
        List<ProblemException.Violation> bad = new ArrayList<>();
        String name = custom != null
                ? custom.name()
                : template == null || template.isBlank()
                        ? (format == PrintFormat.ZPL ? DEFAULT_THERMAL : DEFAULT_SHEET)
                        : template.strip();
        String saved = customNames.isEmpty()
                ? ""
                : "; or a template saved by the cooperative: " + String.join(", ", customNames);
        SheetTemplate sheet = null;
        ThermalTemplate thermal = null;
        int useDpi;
        int start = startPosition == null ? 1 : startPosition;
        if (format == PrintFormat.PDF) {
            useDpi = dpi == null ? 300 : dpi;
            if (useDpi < 150 || useDpi > 1200) {
                bad.add(new ProblemException.Violation(
                        "dpi", "dpi for PDF is the office printer's resolution," + " 150 to 1200 (default 300)"));
            }
            if (custom != null || Templates.sheetPresetNames().contains(name)) {
                sheet = custom != null ? custom : Templates.sheetPreset(name);
                if (start < 1 || start > sheet.labelsPerSheet()) {
                    bad.add(new ProblemException.Violation(
                            "startPosition",
                            "startPosition is 1 to " + sheet.labelsPerSheet() + " on template " + name));
                }
            } else {
                bad.add(new ProblemException.Violation(
                        "template",
                        "unknown sheet template '" + name + "'; one of "
                                + String.join(", ", Templates.sheetPresetNames()) + saved));
            }
        } else {
            useDpi = dpi == null ? 203 : dpi;
            if (!ThermalTemplate.SUPPORTED_DPI.contains(useDpi)) {
                bad.add(new ProblemException.Violation("dpi", "dpi for ZPL is 152, 203, 300 or 600 (default 203)"));
            }
            if (start != 1) {
                bad.add(new ProblemException.Violation("startPosition", "startPosition applies to sheets (PDF) only"));
            }
            if (custom == null
                    && !Templates.thermalPresetNames().contains(name)
                    && !Templates.sheetPresetNames().contains(name)) {
                bad.add(new ProblemException.Violation(
                        "template",
                        "unknown thermal template '" + name + "'; one of "
                                + String.join(", ", Templates.thermalPresetNames())
                                + " or a sheet preset's label size ("
                                + String.join(", ", Templates.sheetPresetNames()) + ")" + saved));
            } else if (bad.isEmpty()) {
                try {
                    // a custom sheet's label size, as for presets
                    thermal = custom != null ? ThermalTemplate.of(custom, useDpi) : Templates.thermal(name, useDpi);
                } catch (InvalidTemplateException e) {
                    // beyond thermal printers (too wide, too long, too large a bitmap at this dpi): the request's
                    // fields are template and dpi, so the problem is told against those, naming the label's field
                    for (TemplateProblem p : e.problems()) {
                        bad.add(new ProblemException.Violation(
                                p.field().equals("dpi") ? "dpi" : "template",
                                "Template " + name + " cannot be printed as ZPL at " + useDpi + " dpi: "
                                        + p.message()));
                    }
                } catch (IOException | LabelPrinterException e) {
                    bad.add(new ProblemException.Violation("template", e.getMessage()));
                }
            }
        }
        if (!bad.isEmpty()) {
            throw new Problems.ValidationFailed(bad.get(0).message(), bad);
        }
        return new LabelOutput(format, name, useDpi, start, cutMarks != null && cutMarks, sheet, thermal);
    }

    /** Lays out one label now, so a template too small for the QR is a 400 rather than a failed job. */
    public void check(LabelItem sample) {
        try {
            write(List.of(sample).iterator(), 1, LabelProgress.NONE, OutputStream.nullOutputStream());
        } catch (LabelPrinterException | IllegalArgumentException e) {
            throw new Problems.ValidationFailed(
                    "template", "Template " + templateName + " cannot hold this label: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams the labels to {@code out} (flushed, not closed). */
    public PrintSummary write(Iterator<LabelItem> items, long total, LabelProgress progress, OutputStream out)
            throws IOException {
        if (format == PrintFormat.PDF) {
            PdfOptions options = PdfOptions.defaults()
                    .withDpi(dpi)
                    .withStartPosition(startPosition)
                    .withCutMarks(cutMarks)
                    .withProgress(progress);
            return new PdfSheetWriter(sheet, options).write(items, total, out);
        }
        return new ZplLabelWriter(thermal, ZplOptions.defaults().withProgress(progress)).write(items, total, out);
    }

    public PrintFormat format() {
        return format;
    }

    public String templateName() {
        return templateName;
    }

    public int dpi() {
        return dpi;
    }

    public int startPosition() {
        return startPosition;
    }

    public boolean cutMarks() {
        return cutMarks;
    }
}
