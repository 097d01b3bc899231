package vn.temso.label.layout;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.temso.label.LabelPrinterException;

/**
 * A QR symbol as a list of dark rectangles in module units (origin top-left, quiet zone not
 * included). Horizontal runs of dark modules are merged into one rectangle, and a run repeated
 * exactly in the next row grows that rectangle downwards, so a version-9 symbol needs a few
 * hundred rectangles instead of ~1,400 squares: smaller files, and no hairline seams between
 * modules when a viewer anti-aliases.
 *
 * <p>The one QR encoder of Temso: printed labels (PDF, ZPL) and the stamp images the server sends
 * ({@link #toPng}) are the same symbol. One setting: error correction {@link #DEFAULT_LEVEL} unless
 * the caller chooses another, ZXing's mode selection for the whole text (byte mode for a URL), UTF-8
 * with an ECI only for text outside Latin-1, and a {@link #QUIET_ZONE} of 4 modules.
 */
public final class QrSymbol {

    /** Quiet zone, in modules, kept free around every symbol (ISO/IEC 18004 asks for 4). */
    public static final int QUIET_ZONE = 4;

    /** Q: a quarter of the symbol may be damaged or dirty and it still reads, for stickers on produce. */
    public static final ErrorCorrectionLevel DEFAULT_LEVEL = ErrorCorrectionLevel.Q;

    private final int size;
    private final int version;
    private final int[] rects;
    private final byte[][] matrix;

    private QrSymbol(int size, int version, int[] rects, byte[][] matrix) {
        this.size = size;
        this.version = version;
        this.rects = rects;
        this.matrix = matrix;
    }

    /**
     * Encodes the payload. ASCII/Latin-1 payloads (URLs) are encoded without an ECI header, which
     * keeps the symbol one version smaller; anything else is UTF-8 with an ECI so phones decode it right.
     * The mask is the one ZXing would choose (see {@link QrMasks}), found about ten times faster.
     */
    public static QrSymbol encode(String payload, ErrorCorrectionLevel level) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(payload)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        // ZXing builds the symbol once, with mask 0; QrMasks then scores all 8 masks on that matrix
        hints.put(EncodeHintType.QR_MASK_PATTERN, 0);
        QRCode code;
        try {
            code = Encoder.encode(payload, level, hints);
        } catch (WriterException e) {
            throw new LabelPrinterException(
                    "cannot encode a QR code for '" + abbreviate(payload) + "': " + e.getMessage(), e);
        }
        if (code.getMaskPattern() != 0) {
            throw new IllegalStateException("ZXing ignored the mask pattern hint (mask " + code.getMaskPattern() + ")");
        }
        int version = code.getVersion().getVersionNumber();
        byte[][] m = QrMasks.choose(code.getMatrix(), version, level).rows();
        return new QrSymbol(m.length, version, mergeRuns(m), m);
    }

    /** Symbol width in modules, quiet zone excluded. */
    public int size() {
        return size;
    }

    /** Width in modules including the quiet zone on both sides. */
    public int sizeWithQuietZone() {
        return size + 2 * QUIET_ZONE;
    }

    /** QR version (1-40). */
    public int version() {
        return version;
    }

    /** Whether module (x, y) is dark. */
    public boolean isDark(int x, int y) {
        return matrix[y][x] == 1;
    }

    /**
     * A black-on-white PNG, {@code pixelsPerModule} pixels a module, quiet zone included (the JDK's
     * ImageIO: no ZXing {@code javase} and its dependencies at run time).
     */
    public byte[] toPng(int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("pixelsPerModule must be at least 1");
        }
        int side = sizeWithQuietZone() * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            int my = y / pixelsPerModule - QUIET_ZONE;
            for (int x = 0; x < side; x++) {
                int mx = x / pixelsPerModule - QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < size && my < size && isDark(mx, my);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PNG", e);
        }
        return png.toByteArray();
    }

    /** Number of rectangles. */
    public int rectangleCount() {
        return rects.length / 4;
    }

    /** Rectangles as flat {x, y, width, height} quadruples in module units; do not modify. */
    public int[] rectangles() {
        return rects;
    }

    private static int[] mergeRuns(byte[][] a) {
        int n = a.length;
        // open[x] = index of the rectangle whose bottom row is the previous row and which starts at x
        int[] openIndex = new int[n];
        int[] openWidth = new int[n];
        int[] out = new int[64 * 4];
        int count = 0;
        int[] nextIndex = new int[n];
        int[] nextWidth = new int[n];
        for (int y = 0; y < n; y++) {
            java.util.Arrays.fill(nextWidth, 0);
            byte[] row = a[y];
            int x = 0;
            while (x < n) {
                if (row[x] != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && row[x] == 1) {
                    x++;
                }
                int w = x - start;
                int idx;
                if (y > 0 && openWidth[start] == w) {
                    idx = openIndex[start];
                    out[idx * 4 + 3]++;
                } else {
                    if ((count + 1) * 4 > out.length) {
                        out = java.util.Arrays.copyOf(out, out.length * 2);
                    }
                    idx = count++;
                    out[idx * 4] = start;
                    out[idx * 4 + 1] = y;
                    out[idx * 4 + 2] = w;
                    out[idx * 4 + 3] = 1;
                }
                nextIndex[start] = idx;
                nextWidth[start] = w;
            }
            int[] t = openIndex;
            openIndex = nextIndex;
            nextIndex = t;
            t = openWidth;
            openWidth = nextWidth;
            nextWidth = t;
        }
        return java.util.Arrays.copyOf(out, count * 4);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
