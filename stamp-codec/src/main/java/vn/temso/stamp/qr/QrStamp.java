package vn.temso.stamp.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.temso.stamp.StampUrl;

/**
 * A QR symbol for a stamp. Default: error correction Q (25 % of the symbol may be damaged) and ZXing's minimal
 * mixed-mode encoder, which writes the upper-case part of {@link StampUrl#toQrContent()} in alphanumeric mode and the
 * signature in byte mode; see docs/stamp-format.md for the measured versions.
 */
public final class QrStamp {

    /** Quiet zone required by ISO/IEC 18004, in modules. */
    public static final int QUIET_ZONE = 4;

    private final String content;
    private final ErrorCorrectionLevel errorCorrection;
    private final QRCode code;

    private QrStamp(String content, ErrorCorrectionLevel errorCorrection, QRCode code) {
        this.content = content;
        this.errorCorrection = errorCorrection;
        this.code = code;
    }

    /** The stamp's QR content ({@link StampUrl#toQrContent()}) at level Q with mixed-mode compaction. */
    public static QrStamp of(StampUrl stamp) {
        return encode(stamp.toQrContent(), ErrorCorrectionLevel.Q, true);
    }

    /** Any text at level Q with compaction. */
    public static QrStamp encode(String content) {
        return encode(content, ErrorCorrectionLevel.Q, true);
    }

    /**
     * Encodes text as the smallest QR version that holds it.
     *
     * @param compact true for ZXing's minimal mixed-mode encoding, false for one mode for the whole text
     * @throws IllegalArgumentException if the text does not fit any QR version at this level
     */
    public static QrStamp encode(String content, ErrorCorrectionLevel errorCorrection, boolean compact) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, errorCorrection);
        if (compact) {
            hints.put(EncodeHintType.QR_COMPACT, Boolean.TRUE.toString());
        }
        try {
            return new QrStamp(content, errorCorrection, Encoder.encode(content, errorCorrection, hints));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code at level " + errorCorrection, e);
        }
    }

    /** QR version, 1 to 40. */
    public int version() {
        return code.getVersion().getVersionNumber();
    }

    /** Modules per side, without the quiet zone (17 + 4 x version). */
    public int moduleCount() {
        return code.getMatrix().getWidth();
    }

    public ErrorCorrectionLevel errorCorrection() {
        return errorCorrection;
    }

    public String content() {
        return content;
    }

    /** True if the module at (x, y) is dark; coordinates without the quiet zone. */
    public boolean isDark(int x, int y) {
        return code.getMatrix().get(x, y) == 1;
    }

    /** A black-on-white PNG, {@code pixelsPerModule} pixels a module, with the 4-module quiet zone. */
    public byte[] toPng(int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("pixelsPerModule must be at least 1");
        }
        ByteMatrix matrix = code.getMatrix();
        int side = (matrix.getWidth() + 2 * QUIET_ZONE) * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            int my = y / pixelsPerModule - QUIET_ZONE;
            for (int x = 0; x < side; x++) {
                int mx = x / pixelsPerModule - QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my) == 1;
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

    @Override
    public String toString() {
        return "QrStamp[version=" + version() + ", modules=" + moduleCount() + ", ec=" + errorCorrection + "]";
    }
}
