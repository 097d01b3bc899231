package vn.temso.label.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of a sheet of sticker labels, in millimetres, origin at the top-left corner of the page.
 * Label {@code i} of a sheet (row-major, 0-based) has its top-left corner at
 * {@code (leftMarginMm + col * horizontalPitchMm, topMarginMm + row * verticalPitchMm)}.
 * The constructor rejects geometry that cannot be printed, listing every problem at once.
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
public record SheetTemplate(String name, double pageWidthMm, double pageHeightMm,
                            double labelWidthMm, double labelHeightMm, double cornerRadiusMm,
                            int columns, int rows, double leftMarginMm, double topMarginMm,
                            double horizontalPitchMm, double verticalPitchMm) {

    /** Rounding slack: sheet makers publish sizes to 0.01 mm. */
    static final double TOLERANCE_MM = 0.01;

    public SheetTemplate {
        name = name == null || name.isBlank() ? "custom" : name.strip();
        List<String> problems = new ArrayList<>();
        positive(problems, "pageWidthMm", pageWidthMm);
        positive(problems, "pageHeightMm", pageHeightMm);
        positive(problems, "labelWidthMm", labelWidthMm);
        positive(problems, "labelHeightMm", labelHeightMm);
        if (columns < 1) {
            problems.add("columns must be at least 1, not " + columns);
        }
        if (rows < 1) {
            problems.add("rows must be at least 1, not " + rows);
        }
        notNegative(problems, "cornerRadiusMm", cornerRadiusMm);
        notNegative(problems, "leftMarginMm", leftMarginMm);
        notNegative(problems, "topMarginMm", topMarginMm);
        if (problems.isEmpty()) {
            if (cornerRadiusMm > Math.min(labelWidthMm, labelHeightMm) / 2) {
                problems.add("cornerRadiusMm " + mm(cornerRadiusMm) + " is more than half the label's smaller side ("
                        + mm(Math.min(labelWidthMm, labelHeightMm) / 2) + ")");
            }
            if (columns > 1 && horizontalPitchMm < labelWidthMm - TOLERANCE_MM) {
                problems.add("horizontalPitchMm " + mm(horizontalPitchMm) + " is less than labelWidthMm "
                        + mm(labelWidthMm) + ": labels would overlap");
            }
            if (rows > 1 && verticalPitchMm < labelHeightMm - TOLERANCE_MM) {
                problems.add("verticalPitchMm " + mm(verticalPitchMm) + " is less than labelHeightMm "
                        + mm(labelHeightMm) + ": labels would overlap");
            }
            double across = leftMarginMm + (columns - 1) * horizontalPitchMm + labelWidthMm;
            if (across > pageWidthMm + TOLERANCE_MM) {
                problems.add("labels do not fit across the page: " + columns + " columns need " + mm(across)
                        + " mm (left margin " + mm(leftMarginMm) + " + " + (columns - 1) + " x pitch "
                        + mm(horizontalPitchMm) + " + label " + mm(labelWidthMm) + ") but the page is "
                        + mm(pageWidthMm) + " mm wide");
            }
            double down = topMarginMm + (rows - 1) * verticalPitchMm + labelHeightMm;
            if (down > pageHeightMm + TOLERANCE_MM) {
                problems.add("labels do not fit down the page: " + rows + " rows need " + mm(down)
                        + " mm (top margin " + mm(topMarginMm) + " + " + (rows - 1) + " x pitch "
                        + mm(verticalPitchMm) + " + label " + mm(labelHeightMm) + ") but the page is "
                        + mm(pageHeightMm) + " mm high");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("template '" + name + "' is invalid: " + String.join("; ", problems));
        }
    }

    /** Labels on one sheet. */
    public int labelsPerSheet() {
        return columns * rows;
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
        return String.format(Locale.ROOT,
                "%s: page %s x %s mm, %d x %d labels of %s x %s mm (corner r %s), first label at left %s top %s,"
                        + " pitch %s x %s mm (gap %s x %s)",
                name, mm(pageWidthMm), mm(pageHeightMm), columns, rows, mm(labelWidthMm), mm(labelHeightMm),
                mm(cornerRadiusMm), mm(leftMarginMm), mm(topMarginMm), mm(horizontalPitchMm), mm(verticalPitchMm),
                mm(horizontalGapMm()), mm(verticalGapMm()));
    }

    static String mm(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static void positive(List<String> problems, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(field + " must be a positive number of millimetres, not " + value);
        }
    }

    private static void notNegative(List<String> problems, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            problems.add(field + " must be zero or more millimetres, not " + value);
        }
    }
}
