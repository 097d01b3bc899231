package vn.temso.label.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One label on a roll for a thermal (ZPL) printer, within what Zebra-class printers handle ({@link TemplateLimits}).
 *
 * @param name     short name used in messages
 * @param widthMm  label width across the print head
 * @param heightMm label length along the roll
 * @param dpi      print-head resolution: 152, 203, 300 or 600 dots per inch
 */
public record ThermalTemplate(String name, double widthMm, double heightMm, int dpi) {

    /** Print-head resolutions Zebra-compatible printers ship with. */
    public static final Set<Integer> SUPPORTED_DPI = TemplateLimits.THERMAL_DPI;

    public ThermalTemplate {
        name = name == null || name.isBlank() ? "custom" : name.strip();
        List<TemplateProblem> problems = new ArrayList<>();
        side(
                problems,
                "widthMm",
                widthMm,
                TemplateLimits.MAX_THERMAL_WIDTH_MM,
                "the print width of the widest" + " Zebra-class printers (ZT620, 6.6 in)");
        side(
                problems,
                "heightMm",
                heightMm,
                TemplateLimits.MAX_THERMAL_LENGTH_MM,
                "the longest label Zebra-class" + " printers take (39 in)");
        if (!SUPPORTED_DPI.contains(dpi)) {
            problems.add(new TemplateProblem("dpi", "dpi must be 152, 203, 300 or 600, not " + dpi));
        }
        if (problems.isEmpty()) {
            long bytes = TemplateLimits.rasterBytes(widthMm, heightMm, dpi);
            if (bytes > TemplateLimits.MAX_RASTER_BYTES) {
                problems.add(new TemplateProblem(
                        "heightMm",
                        String.format(
                                Locale.ROOT,
                                "a label of %s x %s mm at %d"
                                        + " dpi is a %,d-byte bitmap; at most %,d: make it shorter or use a lower dpi",
                                SheetTemplate.mm(widthMm),
                                SheetTemplate.mm(heightMm),
                                dpi,
                                bytes,
                                TemplateLimits.MAX_RASTER_BYTES)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("thermal template '" + name + "'", problems);
        }
    }

    /**
     * The label of a sheet template printed one at a time on a roll of the same label size; problems name the sheet's
     * fields ({@code labelWidthMm}, {@code labelHeightMm}).
     */
    public static ThermalTemplate of(SheetTemplate sheet, int dpi) {
        try {
            return new ThermalTemplate(sheet.name(), sheet.labelWidthMm(), sheet.labelHeightMm(), dpi);
        } catch (InvalidTemplateException e) {
            List<TemplateProblem> renamed = e.problems().stream()
                    .map(p -> new TemplateProblem(
                            switch (p.field()) {
                                case "widthMm" -> "labelWidthMm";
                                case "heightMm" -> "labelHeightMm";
                                default -> p.field();
                            },
                            p.message().replace("widthMm", "labelWidthMm").replace("heightMm", "labelHeightMm")))
                    .toList();
            throw new InvalidTemplateException("thermal label of template '" + sheet.name() + "'", renamed);
        }
    }

    /** Same label at another resolution. */
    public ThermalTemplate withDpi(int newDpi) {
        return new ThermalTemplate(name, widthMm, heightMm, newDpi);
    }

    /** Label width in printer dots (what {@code ^PW} takes). */
    public int widthDots() {
        return (int) Math.floor(widthMm / 25.4 * dpi);
    }

    /** Label length in printer dots (what {@code ^LL} takes). */
    public int heightDots() {
        return (int) Math.floor(heightMm / 25.4 * dpi);
    }

    /** Bytes of a 1-bit bitmap of the whole label; at most {@link TemplateLimits#MAX_RASTER_BYTES}. */
    public long rasterBytes() {
        return TemplateLimits.rasterBytes(widthMm, heightMm, dpi);
    }

    private static void side(List<TemplateProblem> problems, String field, double value, double max, String why) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(new TemplateProblem(field, field + " must be a positive number of millimetres, not " + value));
        } else if (value < TemplateLimits.MIN_LABEL_MM) {
            problems.add(new TemplateProblem(
                    field,
                    field + " " + SheetTemplate.mm(value) + " is below "
                            + SheetTemplate.mm(TemplateLimits.MIN_LABEL_MM)
                            + " mm, the smallest label that holds a readable"
                            + " QR stamp and its text"));
        } else if (value > max) {
            problems.add(new TemplateProblem(
                    field,
                    field + " " + SheetTemplate.mm(value) + " is more than " + SheetTemplate.mm(max) + " mm, " + why));
        }
    }
}
