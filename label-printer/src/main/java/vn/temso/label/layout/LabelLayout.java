package vn.temso.label.layout;

import java.util.List;
import java.util.Locale;
import vn.temso.label.LabelPrinterException;
import vn.temso.label.item.LabelItem;

/**
 * Places the QR code and the text inside one label. All coordinates are printer dots measured from
 * the top-left of the page (or of the label, for thermal printers), so the QR's edges and module
 * size are whole dots: every module prints as the same number of dots, which is what makes
 * codes read reliably on 203 and 300 dpi printers.
 *
 * <p>Sizing rules: the QR with its 4-module quiet zone sits at the left, vertically centred,
 * 0.5 mm inside the label edge; its side is at most the label height minus 1 mm and at most 55 % of
 * the label width; the module is the largest whole number of dots that fits, at least 0.25 mm.
 * The text takes the rest, inside a padding of 1.5 mm (more for large corner radii).
 */
public final class LabelLayout {

    /** Printers drift by about this much; nothing is placed closer to the label edge. */
    public static final double SAFETY_MM = 0.5;
    /** Padding between the label edge and the text. */
    public static final double PADDING_MM = 1.5;
    /** Smallest module that phone cameras read at arm's length. */
    public static final double MIN_MODULE_MM = 0.25;
    /** Share of the label width the QR (with quiet zone) may take. */
    public static final double MAX_QR_WIDTH_SHARE = 0.55;
    /** Largest and smallest text sizes, in points. */
    public static final double MAX_NAME_PT = 11;

    public static final double MIN_TEXT_PT = 4.5;

    private final int dpi;
    private final TextFitter fitter;

    public LabelLayout(int dpi, TextMeasurer measurer) {
        this.dpi = dpi;
        this.fitter = new TextFitter(measurer);
    }

    public int dpi() {
        return dpi;
    }

    /** Millimetres to (fractional) dots at this layout's resolution. */
    public double dots(double mm) {
        return mm / 25.4 * dpi;
    }

    /**
     * Lays out one label whose box is (left, top, width, height) in dots.
     *
     * @param maxModuleDots largest module allowed (ZPL's ^BQ takes 1 to 10), or 0 for no limit
     */
    public Placed layout(
            LabelItem item,
            QrSymbol qr,
            double left,
            double top,
            double width,
            double height,
            double cornerRadiusMm,
            int maxModuleDots) {
        double safety = dots(SAFETY_MM);
        int modules = qr.sizeWithQuietZone();
        double maxSide = Math.min(height - 2 * safety, width * MAX_QR_WIDTH_SHARE);
        // one dot of slack absorbs rounding the corner onto the dot grid
        int module = (int) Math.floor((maxSide - 1) / modules);
        if (maxModuleDots > 0) {
            module = Math.min(module, maxModuleDots);
        }
        int minModule = (int) Math.ceil(dots(MIN_MODULE_MM) - 1e-9);
        if (module < minModule) {
            double needMm = modules * minModule / (double) dpi * 25.4 + 2 * SAFETY_MM;
            throw new LabelPrinterException(String.format(
                    Locale.ROOT,
                    "label %.1f x %.1f mm is too small for this QR code (version %d, %d modules with quiet zone):"
                            + " at %d dpi it needs a label at least %.1f mm high and %.1f mm wide",
                    width / dpi * 25.4,
                    height / dpi * 25.4,
                    qr.version(),
                    modules,
                    dpi,
                    needMm,
                    needMm / MAX_QR_WIDTH_SHARE));
        }
        int side = modules * module;
        int qzLeft = (int) Math.ceil(left + safety);
        int minTop = (int) Math.ceil(top + safety);
        int maxTop = (int) Math.floor(top + height - safety - side);
        int qzTop = Math.max(minTop, Math.min(maxTop, (int) Math.round(top + (height - side) / 2)));
        int qrLeft = qzLeft + QrSymbol.QUIET_ZONE * module;
        int qrTop = qzTop + QrSymbol.QUIET_ZONE * module;

        double padding = dots(Math.max(PADDING_MM, 0.3 * cornerRadiusMm + SAFETY_MM));
        double textLeft = qzLeft + side;
        double textRight = left + width - padding;
        double textTop = top + padding;
        double textHeight = height - 2 * padding;
        double textWidth = textRight - textLeft;
        double pt = dpi / 72.0;
        double base = Math.min(MAX_NAME_PT * pt, height * 0.1);
        TextFitter.Fit fit = textWidth > 0
                ? fitter.fit(LabelText.blocks(item), textLeft, textTop, textWidth, textHeight, base, MIN_TEXT_PT * pt)
                : new TextFitter.Fit(List.of(), 0, true);
        return new Placed(
                qr, module, qrLeft, qrTop, fit.lines(), fit.truncated(), textLeft, textTop, textWidth, textHeight);
    }

    /**
     * One label, laid out.
     *
     * @param qr          the symbol
     * @param moduleDots  dots per module
     * @param qrLeft      left edge of the symbol's first module column, in dots (quiet zone is left of it)
     * @param qrTop       top edge of the symbol's first module row, in dots
     * @param lines       text lines, baselines in dots from the top
     * @param truncated   whether some text had to be cut
     * @param textLeft    text box
     * @param textTop     text box
     * @param textWidth   text box
     * @param textHeight  text box
     */
    public record Placed(
            QrSymbol qr,
            int moduleDots,
            int qrLeft,
            int qrTop,
            List<TextLine> lines,
            boolean truncated,
            double textLeft,
            double textTop,
            double textWidth,
            double textHeight) {}
}
