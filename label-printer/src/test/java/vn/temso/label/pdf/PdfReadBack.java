package vn.temso.label.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import vn.temso.label.template.SheetTemplate;

/** Reads a label PDF back with PDFBox: text per label box, glyph and rectangle positions, QR payloads. */
final class PdfReadBack implements Closeable {
    static final double MM = 72 / 25.4;

    final PDDocument doc;
    final SheetTemplate template;
    private final PDFRenderer renderer;

    PdfReadBack(byte[] pdf, SheetTemplate template) throws IOException {
        this.doc = Loader.loadPDF(pdf);
        this.template = template;
        this.renderer = new PDFRenderer(doc);
    }

    int pages() {
        return doc.getNumberOfPages();
    }

    /** Label box on its page, in points from the top-left (PDFBox's text-area convention). */
    Rectangle2D box(int position) {
        return new Rectangle2D.Double(
                template.labelLeftMm(position) * MM,
                template.labelTopMm(position) * MM,
                template.labelWidthMm() * MM,
                template.labelHeightMm() * MM);
    }

    /** Text of every label box of a page, NFC, whitespace collapsed to single spaces. */
    List<String> labelTexts(int page) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.setSortByPosition(true);
        for (int i = 0; i < template.labelsPerSheet(); i++) {
            stripper.addRegion("l" + i, box(i));
        }
        stripper.extractRegions(doc.getPage(page));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < template.labelsPerSheet(); i++) {
            out.add(clean(stripper.getTextForRegion("l" + i)));
        }
        return out;
    }

    static String clean(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC)
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** Every glyph of a page. */
    List<TextPosition> glyphs(int page) throws IOException {
        List<TextPosition> out = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                out.add(text);
            }
        };
        s.setStartPage(page + 1);
        s.setEndPage(page + 1);
        s.getText(doc);
        return out;
    }

    /** Every filled rectangle of a page, in points from the top-left. */
    List<Rectangle2D> rectangles(int page) throws IOException {
        PDPage p = doc.getPage(page);
        float height = p.getMediaBox().getHeight();
        List<Rectangle2D> out = new ArrayList<>();
        new PDFGraphicsStreamEngine(p) {
            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                Rectangle2D r = new Rectangle2D.Double(p0.getX(), height - p0.getY(), 0, 0);
                for (Point2D q : new Point2D[] {p1, p2, p3}) {
                    r.add(q.getX(), height - q.getY());
                }
                out.add(r);
            }

            @Override
            public void drawImage(PDImage pdImage) {
                throw new AssertionError("labels must not contain images");
            }

            @Override
            public void clip(int windingRule) {}

            @Override
            public void moveTo(float x, float y) {}

            @Override
            public void lineTo(float x, float y) {}

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

            @Override
            public Point2D getCurrentPoint() {
                return new Point2D.Float();
            }

            @Override
            public void closePath() {}

            @Override
            public void endPath() {}

            @Override
            public void strokePath() {}

            @Override
            public void fillPath(int windingRule) {}

            @Override
            public void fillAndStrokePath(int windingRule) {}

            @Override
            public void shadingFill(COSName shadingName) {}

            void run() throws IOException {
                processPage(p);
            }
        }.run();
        return out;
    }

    /** A page rendered at the given resolution, grey. */
    BufferedImage render(int page, int dpi) throws IOException {
        return renderer.renderImageWithDPI(page, dpi, ImageType.GRAY);
    }

    /** Decodes the QR inside a label box of a rendered page, or null when there is none. */
    static String decode(BufferedImage page, Rectangle2D box, int dpi) {
        double s = dpi / 72.0;
        int x = (int) Math.floor(box.getX() * s);
        int y = (int) Math.floor(box.getY() * s);
        int w = Math.min(page.getWidth() - x, (int) Math.ceil(box.getWidth() * s));
        int h = Math.min(page.getHeight() - y, (int) Math.ceil(box.getHeight() * s));
        BufferedImage crop = page.getSubimage(x, y, w, h);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        try {
            Result r = new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(crop))), hints);
            return r.getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
