package vn.temso.label.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of a sheet of sticker labels, in millimetres, origin at the top-left corner of the page.
 * Label {@code i} of a sheet (row-major, 0-based) has its top-left corner at
 * {@code (leftMarginMm + col * horizontalPitchMm, topMarginMm + row * verticalPitchMm)}.
 * The constructor rejects geometry that cannot be printed or is beyond real sheets and printers
 * ({@link TemplateLimits}), with every problem at once, each naming its field.
 *
 * @param name              short name used in messages and on the calibration page
 * @param pageWidthMm       page width (A4: 210)
 * @param pageHeightMm      page height (A4: 297)
 * @param labelWidthMm      width of one label
 * @param labelHeightMm     height of one label
 * @param cornerRadiusMm    corner radius of die-cut labels (0 for square corners)
 * @param columns           labels across
 * @param rows              labels down
 * @param leftMarginMm      distance from the page's left edge to the first label
 * @param topMarginMm       distance from the page's top edge to the first label
 * @param horizontalPitchMm distance between the left edges of neighbouring labels (label width + gap)
 * @param verticalPitchMm   distance between the top edges of neighbouring labels (label height + gap)
 */
public record SheetTemplate(
        String name,
        double pageWidthMm,
        double pageHeightMm,
        double labelWidthMm,
        double labelHeightMm,
        double cornerRadiusMm,
        int columns,
        int rows,
        double leftMarginMm,
        double topMarginMm,
        double horizontalPitchMm,
        double verticalPitchMm) {

    /** Rounding slack: sheet makers publish sizes to 0.01 mm. */
    static final double TOLERANCE_MM = 0.01;

    public SheetTemplate {
        name = name == null || name.isBlank() ? "custom" : name.strip();
        List<TemplateProblem> problems = new ArrayList<>();
        positive(problems, "pageWidthMm", pageWidthMm);
        positive(problems, "pageHeightMm", pageHeightMm);
        labelSide(problems, "labelWidthMm", labelWidthMm);
        labelSide(problems, "labelHeightMm", labelHeightMm);
        count(problems, "columns", columns);
        count(problems, "rows", rows);
        notNegative(problems, "cornerRadiusMm", cornerRadiusMm);
        notNegative(problems, "leftMarginMm", leftMarginMm);
        notNegative(problems, "topMarginMm", topMarginMm);
        // a negative pitch with several labels is reported as overlap below; NaN or infinity would slip past that
        finite(problems, "horizontalPitchMm", horizontalPitchMm);
        finite(problems, "verticalPitchMm", verticalPitchMm);
        if (problems.stream().noneMatch(p -> p.field().startsWith("page"))) {
            pageSize(problems, pageWidthMm, pageHeightMm);
        }
        if (problems.stream()
                .noneMatch(p -> p.field().equals("columns") || p.field().equals("rows"))) {
            // both are at most MAX_LABELS_PER_SHEET here, so the product cannot overflow; long all the same
            long perSheet = (long) columns * rows;
            if (perSheet > TemplateLimits.MAX_LABELS_PER_SHEET) {
                problems.add(new TemplateProblem(
                        "rows",
                        columns + " columns x " + rows + " rows = " + perSheet + " labels per sheet; at most "
                                + TemplateLimits.MAX_LABELS_PER_SHEET));
            }
        }
        if (problems.isEmpty()) {
            if (cornerRadiusMm > Math.min(labelWidthMm, labelHeightMm) / 2) {
                problems.add(new TemplateProblem(
                        "cornerRadiusMm",
                        "cornerRadiusMm " + mm(cornerRadiusMm)
                                + " is more than half the label's smaller side ("
                                + mm(Math.min(labelWidthMm, labelHeightMm) / 2)
                                + ")"));
            }
            if (columns > 1 && horizontalPitchMm < labelWidthMm - TOLERANCE_MM) {
                problems.add(new TemplateProblem(
                        "horizontalPitchMm",
                        "horizontalPitchMm " + mm(horizontalPitchMm) + " is less than labelWidthMm " + mm(labelWidthMm)
                                + ": labels would overlap"));
            }
            if (rows > 1 && verticalPitchMm < labelHeightMm - TOLERANCE_MM) {
                problems.add(new TemplateProblem(
                        "verticalPitchMm",
                        "verticalPitchMm " + mm(verticalPitchMm) + " is less than labelHeightMm " + mm(labelHeightMm)
                                + ": labels would overlap"));
            }
            double across = leftMarginMm + (columns - 1) * horizontalPitchMm + labelWidthMm;
            if (across > pageWidthMm + TOLERANCE_MM) {
                problems.add(new TemplateProblem(
                        "columns",
                        "labels do not fit across the page: " + columns
                                + " columns need " + mm(across) + " mm (left margin " + mm(leftMarginMm) + " + "
                                + (columns - 1)
                                + " x pitch " + mm(horizontalPitchMm) + " + label " + mm(labelWidthMm)
                                + ") but the page is "
                                + mm(pageWidthMm) + " mm wide"));
            }
            double down = topMarginMm + (rows - 1) * verticalPitchMm + labelHeightMm;
            if (down > pageHeightMm + TOLERANCE_MM) {
                problems.add(new TemplateProblem(
                        "rows",
                        "labels do not fit down the page: " + rows + " rows need "
                                + mm(down) + " mm (top margin " + mm(topMarginMm) + " + " + (rows - 1) + " x pitch "
                                + mm(verticalPitchMm) + " + label " + mm(labelHeightMm) + ") but the page is "
                                + mm(pageHeightMm) + " mm high"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("template '" + name + "'", problems);
        }
    }

    /** Labels on one sheet. */
    public int labelsPerSheet() {
        return Math.multiplyExact(columns, rows); // at most MAX_LABELS_PER_SHEET once constructed
    }

    /** Left edge of label {@code index} (row-major, 0-based) on its sheet. */
    public double labelLeftMm(int index) {
        return leftMarginMm + (index % columns) * horizontalPitchMm;
    }

    /** Top edge of label {@code index} (row-major, 0-based) on its sheet. */
    public double labelTopMm(int index) {
        return topMarginMm + (index / columns) * verticalPitchMm;
    }

    /** Gap between neighbouring columns. */
    public double horizontalGapMm() {
        return horizontalPitchMm - labelWidthMm;
    }

    /** Gap between neighbouring rows. */
    public double verticalGapMm() {
        return verticalPitchMm - labelHeightMm;
    }

    /** One-line description for the calibration page and logs. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s: page %s x %s mm, %d x %d labels of %s x %s mm (corner r %s), first label at left %s top %s,"
                        + " pitch %s x %s mm (gap %s x %s)",
                name,
                mm(pageWidthMm),
                mm(pageHeightMm),
                columns,
                rows,
                mm(labelWidthMm),
                mm(labelHeightMm),
                mm(cornerRadiusMm),
                mm(leftMarginMm),
                mm(topMarginMm),
                mm(horizontalPitchMm),
                mm(verticalPitchMm),
                mm(horizontalGapMm()),
                mm(verticalGapMm()));
    }

    static String mm(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static void positive(List<TemplateProblem> problems, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(new TemplateProblem(field, field + " must be a positive number of millimetres, not " + value));
        }
    }

    private static void labelSide(List<TemplateProblem> problems, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(new TemplateProblem(field, field + " must be a positive number of millimetres, not " + value));
        } else if (value < TemplateLimits.MIN_LABEL_MM - TOLERANCE_MM) {
            problems.add(new TemplateProblem(
                    field,
                    field + " " + mm(value) + " is below "
                            + mm(TemplateLimits.MIN_LABEL_MM)
                            + " mm, the smallest label that holds a readable QR stamp and"
                            + " its text"));
        }
    }

    private static void count(List<TemplateProblem> problems, String field, int value) {
        if (value < 1 || value > TemplateLimits.MAX_LABELS_PER_SHEET) {
            problems.add(new TemplateProblem(
                    field, field + " must be 1 to " + TemplateLimits.MAX_LABELS_PER_SHEET + ", not " + value));
        }
    }

    private static void finite(List<TemplateProblem> problems, String field, double value) {
        if (!Double.isFinite(value)) {
            problems.add(new TemplateProblem(field, field + " must be a number of millimetres, not " + value));
        }
    }

    private static void notNegative(List<TemplateProblem> problems, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            problems.add(new TemplateProblem(field, field + " must be zero or more millimetres, not " + value));
        }
    }

    /** A4, A3, Letter, A3+ ... in either orientation; nothing an office or A3 printer could not feed. */
    private static void pageSize(List<TemplateProblem> problems, double width, double height) {
        String longField = width >= height ? "pageWidthMm" : "pageHeightMm";
        String shortField = width >= height ? "pageHeightMm" : "pageWidthMm";
        double longSide = Math.max(width, height);
        double shortSide = Math.min(width, height);
        String largest = " mm: the largest sheet printed on is A3+ (" + mm(TemplateLimits.MAX_PAGE_SHORT_SIDE_MM)
                + " x " + mm(TemplateLimits.MAX_PAGE_LONG_SIDE_MM) + " mm, either orientation)";
        if (longSide > TemplateLimits.MAX_PAGE_LONG_SIDE_MM + TOLERANCE_MM) {
            problems.add(new TemplateProblem(longField, longField + " is " + mm(longSide) + largest));
        }
        if (shortSide > TemplateLimits.MAX_PAGE_SHORT_SIDE_MM + TOLERANCE_MM) {
            problems.add(new TemplateProblem(shortField, shortField + " is " + mm(shortSide) + largest));
        }
    }
}
