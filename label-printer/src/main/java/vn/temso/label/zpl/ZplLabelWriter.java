package vn.temso.label.zpl;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.temso.label.LabelWriter;
import vn.temso.label.PrintSummary;
import vn.temso.label.font.LabelFonts;
import vn.temso.label.io.CountingOutputStream;
import vn.temso.label.item.InvalidLabelItemException;
import vn.temso.label.item.LabelItem;
import vn.temso.label.layout.LabelLayout;
import vn.temso.label.layout.QrSymbol;
import vn.temso.label.layout.TextLine;
import vn.temso.label.layout.TextMeasurer;
import vn.temso.label.template.InvalidTemplateException;
import vn.temso.label.template.TemplateLimits;
import vn.temso.label.template.TemplateProblem;
import vn.temso.label.template.ThermalTemplate;

/**
 * Writes one {@code ^XA...^XZ} block per label for Zebra-compatible thermal printers. The QR is the
 * printer's own {@code ^BQ} symbol with a whole-dot magnification; the text is drawn here with
 * Java2D in DejaVu Sans and sent as a 1-bit {@code ^GFA} graphic, because printer-resident fonts
 * have no Vietnamese letters. Labels are written as they are made.
 *
 * <p>Not thread-safe; make one per print job.
 */
public final class ZplLabelWriter implements LabelWriter {

    /** ^BQ takes magnification 1 to 10. */
    static final int MAX_MAGNIFICATION = 10;

    private static final int PROGRESS_EVERY = 100;

    private final ThermalTemplate template;
    private final ZplOptions options;
    private final Font regular;
    private final Font bold;
    private final FontRenderContext frc = new FontRenderContext(null, false, true);
    private final Map<Float, Font[]> sized = new HashMap<>();
    private final LabelLayout layout;

    public ZplLabelWriter(ThermalTemplate template, ZplOptions options) {
        this.template = Objects.requireNonNull(template, "template");
        this.options = Objects.requireNonNull(options, "options");
        // ThermalTemplate already refuses such labels; checked again here because this is where memory is taken
        if (template.rasterBytes() > TemplateLimits.MAX_RASTER_BYTES) {
            throw new InvalidTemplateException(
                    "thermal template '" + template.name() + "'",
                    List.of(new TemplateProblem(
                            "heightMm",
                            "the label's bitmap would be " + template.rasterBytes() + " bytes; at most "
                                    + TemplateLimits.MAX_RASTER_BYTES)));
        }
        this.regular = LabelFonts.awtFont(false);
        this.bold = LabelFonts.awtFont(true);
        TextMeasurer measurer = (text, isBold, size) ->
                font(isBold, size).getStringBounds(text, frc).getWidth();
        this.layout = new LabelLayout(template.dpi(), measurer);
    }

    /**
     * Prints items as they come; each label's ZPL is written (not flushed) before the next is made.
     *
     * @param total how many items the iterator will give, for progress; -1 if unknown
     * @param out   receives ASCII ZPL; flushed, not closed
     */
    @Override
    public PrintSummary write(Iterator<LabelItem> items, long total, OutputStream out) throws IOException {
        if (!items.hasNext()) {
            throw new InvalidLabelItemException("no label items to print");
        }
        CountingOutputStream counted = new CountingOutputStream(out);
        long done = 0;
        while (items.hasNext()) {
            counted.write(label(items.next()).getBytes(StandardCharsets.UTF_8));
            done++;
            if (done % PROGRESS_EVERY == 0) {
                options.progress().onProgress(done, total);
            }
        }
        counted.flush();
        options.progress().onProgress(done, total);
        return new PrintSummary(done, (int) Math.min(Integer.MAX_VALUE, done), counted.count());
    }

    /** The ZPL of one label, {@code ^XA} to {@code ^XZ}. */
    public String label(LabelItem item) {
        QrSymbol qr = QrSymbol.encode(item.qrPayload(), options.errorCorrection());
        int width = template.widthDots();
        int height = template.heightDots();
        LabelLayout.Placed p = layout.layout(item, qr, 0, 0, width, height, 0, MAX_MAGNIFICATION);
        StringBuilder z = new StringBuilder(4096);
        z.append("^XA^CI28^PW").append(width).append("^LL").append(height).append("^LH0,0\n");
        z.append("^FO")
                .append(p.qrLeft())
                .append(',')
                .append(p.qrTop())
                .append("^BQN,2,")
                .append(p.moduleDots())
                .append(',')
                .append(options.errorCorrection().name())
                .append('\n');
        appendQrField(z, item.qrPayload(), options.errorCorrection().name().charAt(0));
        int gfLeft = (int) Math.floor(p.textLeft());
        int gfTop = (int) Math.floor(p.textTop());
        // whole bytes of width, never wider than the text box
        int bytesPerRow = (int) Math.floor((p.textLeft() + p.textWidth() - gfLeft) / 8);
        int rows = (int) Math.floor(p.textTop() + p.textHeight() - gfTop);
        if ((long) bytesPerRow * rows > TemplateLimits.MAX_RASTER_BYTES) {
            // the text box lies inside the label, whose bitmap was bounded above: never reached, never allocated
            throw new IllegalStateException("text bitmap of " + bytesPerRow + " x " + rows + " bytes");
        }
        if (bytesPerRow > 0 && rows > 0 && !p.lines().isEmpty()) {
            byte[] bits = renderText(p, gfLeft, gfTop, bytesPerRow * 8, rows);
            z.append("^FO").append(gfLeft).append(',').append(gfTop);
            appendGraphic(z, bits, bytesPerRow);
            z.append("^FS\n");
        }
        z.append("^PQ1^XZ\n");
        return z.toString();
    }

    /**
     * {@code ^FD} with the QR mode prefix: error level letter then {@code A} (automatic data mode) and
     * a comma. A payload holding ZPL's own control characters goes through {@code ^FH} hex escapes.
     */
    static void appendQrField(StringBuilder z, String payload, char level) {
        boolean escape = payload.indexOf('^') >= 0 || payload.indexOf('~') >= 0 || payload.indexOf('\\') >= 0;
        if (escape) {
            z.append("^FH\\");
        }
        z.append("^FD").append(level).append("A,");
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (escape && (c == '^' || c == '~' || c == '\\')) {
                z.append('\\').append(String.format("%02X", (int) c));
            } else {
                z.append(c);
            }
        }
        z.append("^FS\n");
    }

    /** {@code ^GFA,total,total,bytesPerRow,HEX}: 1 bits are black. */
    static void appendGraphic(StringBuilder z, byte[] bits, int bytesPerRow) {
        z.append("^GFA,")
                .append(bits.length)
                .append(',')
                .append(bits.length)
                .append(',')
                .append(bytesPerRow)
                .append(',');
        char[] hex = "0123456789ABCDEF".toCharArray();
        for (byte b : bits) {
            z.append(hex[(b >> 4) & 0xF]).append(hex[b & 0xF]);
        }
    }

    /** Renders the lines, without anti-aliasing (a thermal head has no grey), into packed rows. */
    private byte[] renderText(LabelLayout.Placed p, int originX, int originY, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(java.awt.Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (TextLine line : p.lines()) {
                g.setFont(font(line.bold(), line.size()));
                g.drawString(line.text(), (float) (line.x() - originX), (float) (line.baseline() - originY));
            }
        } finally {
            g.dispose();
        }
        byte[] raster = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        // the default binary palette has index 0 = black; ZPL wants 1 = black
        byte[] bits = new byte[raster.length];
        for (int i = 0; i < raster.length; i++) {
            bits[i] = (byte) ~raster[i];
        }
        return bits;
    }

    private Font font(boolean isBold, double size) {
        float key = (float) size;
        Font[] pair = sized.computeIfAbsent(key, k -> new Font[2]);
        int i = isBold ? 1 : 0;
        if (pair[i] == null) {
            pair[i] = (isBold ? bold : regular).deriveFont(key);
        }
        return pair[i];
    }
}
