package vn.temso.label.template;

import java.util.Set;

/**
 * Physical limits of the printers labels are made for. Templates outside them are refused when they are made, so no
 * writer ever lays out millions of labels or allocates a bitmap no printer could take. The reasons for each number
 * are in docs/label-printer.md ("Limits").
 */
public final class TemplateLimits {

    /** Smallest label side: a readable QR stamp (0.25 mm modules) plus a line of text needs more than this. */
    public static final double MIN_LABEL_MM = 10;
    /** Largest sheet, either orientation: A3+ / Super B (13 x 19 in), the biggest an office or A3 printer feeds. */
    public static final double MAX_PAGE_SHORT_SIDE_MM = 330;

    public static final double MAX_PAGE_LONG_SIDE_MM = 483;
    /** Labels on one sheet: over twice the densest sheet sold (Avery L7658: 189 labels of 25.4 x 10 mm on A4). */
    public static final int MAX_LABELS_PER_SHEET = 500;
    /** Widest thermal label: print width of the Zebra ZT620 (6.6 in), the widest common Zebra-class printer. */
    public static final double MAX_THERMAL_WIDTH_MM = 168;
    /** Longest thermal label: 39 in, the maximum label length Zebra gives for its desktop and ZT200 printers. */
    public static final double MAX_THERMAL_LENGTH_MM = 991;
    /** Print-head resolutions of Zebra-class printers: 6, 8, 12 and 24 dots per mm. */
    public static final Set<Integer> THERMAL_DPI = Set.of(152, 203, 300, 600);
    /**
     * Largest 1-bit bitmap of one whole thermal label, in bytes ({@code ceil(widthDots / 8) * heightDots}): 2 MiB,
     * e.g. 168 x 991 mm at 203 dpi (1.3 MB) passes, the same label at 300 dpi (2.9 MB) does not. The ZPL writer
     * holds a few copies of a label's text bitmap while it writes it.
     */
    public static final long MAX_RASTER_BYTES = 2L * 1024 * 1024;

    private TemplateLimits() {}

    /** Bytes of a 1-bit bitmap of {@code widthMm x heightMm} at {@code dpi}, in long arithmetic (no overflow). */
    public static long rasterBytes(double widthMm, double heightMm, int dpi) {
        long widthDots = (long) Math.floor(widthMm / 25.4 * dpi);
        long heightDots = (long) Math.floor(heightMm / 25.4 * dpi);
        return Math.multiplyExact((widthDots + 7) / 8, heightDots);
    }
}
