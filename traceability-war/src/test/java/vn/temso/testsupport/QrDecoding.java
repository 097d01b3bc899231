package vn.temso.testsupport;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes read back with ZXing: a single image (PNG), or every label cell of a printed sheet. */
public final class QrDecoding {

    /** The resolution sheets are rendered at to be scanned, as a label printer prints them. */
    public static final int SCAN_DPI = 300;

    private QrDecoding() {}

    /** Where the labels are on a sheet, in mm. */
    public record Grid(
            int columns,
            int rows,
            double left,
            double top,
            double pitchX,
            double pitchY,
            double width,
            double height) {}

    /** The 3 x 8 (70 x 37 mm) preset. */
    public static final Grid PRESET_3X8 = new Grid(3, 8, 0, 0.5, 70, 37, 70, 37);

    /** The text of the QR code that fills an image (a PNG as the server serves it); fails when none decodes. */
    public static String decodeImage(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new AssertionError("not an image", e);
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new QRCodeReader().decode(bitmap).getText();
        } catch (NotFoundException | FormatException | ChecksumException e) {
            // ZXing's finder-pattern detector misses ~2-4 % of clean version-11 symbols (measured over 1,000 random
            // stamp URLs; zbar reads those same images): decode the image as the pure barcode it is
            try {
                return new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                        .getText();
            } catch (NotFoundException | FormatException | ChecksumException again) {
                throw new AssertionError("no QR code decodes in the image", again);
            }
        }
    }

    /** Decodes the QR of every label cell of every page of a PDF sheet, rendered at {@link #SCAN_DPI}. */
    public static List<String> decodePdfCells(byte[] pdf, Grid grid) {
        List<String> found = new ArrayList<>();
        for (BufferedImage page : PdfText.pageImages(pdf, SCAN_DPI)) {
            found.addAll(decodeCells(page, grid));
        }
        return found;
    }

    /** Decodes the QR of every label cell of a page rendered at {@link #SCAN_DPI}. */
    public static List<String> decodeCells(BufferedImage page, Grid g) {
        List<String> found = new ArrayList<>();
        double px = SCAN_DPI / 25.4;
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        for (int row = 0; row < g.rows(); row++) {
            for (int col = 0; col < g.columns(); col++) {
                int x = (int) Math.floor((g.left() + col * g.pitchX()) * px);
                int y = (int) Math.floor((g.top() + row * g.pitchY()) * px);
                int w = Math.min(page.getWidth() - x, (int) Math.ceil(g.width() * px));
                int h = Math.min(page.getHeight() - y, (int) Math.ceil(g.height() * px));
                BufferedImage cell = page.getSubimage(x, y, w, h);
                String text = decode(cell, hints);
                if (text == null) {
                    // ZXing's finder-pattern detector misses the odd symbol that zbar reads (seen: 1 in 30); decode
                    // the symbol alone, cut out at the white quiet zone between QR and text, as a pure barcode
                    BufferedImage symbol = symbolOnly(cell);
                    if (symbol != null) {
                        Map<DecodeHintType, Object> pure = new EnumMap<>(hints);
                        pure.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
                        text = decode(symbol, pure);
                    }
                }
                if (text != null) {
                    found.add(text);
                }
            }
        }
        return found;
    }

    /** The QR at the left of a label: from its first dark column to the first white column after it. */
    private static BufferedImage symbolOnly(BufferedImage cell) {
        int left = -1;
        for (int cx = 0; cx < cell.getWidth(); cx++) {
            boolean dark = false;
            for (int cy = 0; cy < cell.getHeight() && !dark; cy++) {
                dark = (cell.getRGB(cx, cy) & 0xff) < 128;
            }
            if (dark && left < 0) {
                left = cx;
            } else if (!dark && left >= 0) {
                int margin = 8;
                int from = Math.max(0, left - margin);
                return cell.getSubimage(from, 0, Math.min(cell.getWidth(), cx + margin) - from, cell.getHeight());
            }
        }
        return null;
    }

    private static String decode(BufferedImage crop, Map<DecodeHintType, Object> hints) {
        var source = new BufferedImageLuminanceSource(crop);
        for (BinaryBitmap bitmap : List.of(
                new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return new QRCodeReader().decode(bitmap, hints).getText();
            } catch (NotFoundException | ChecksumException | FormatException e) {
                // try the next binarizer; an empty cell (the last page is partly used) decodes nothing
            }
        }
        return null;
    }
}
