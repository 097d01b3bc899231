package vn.temso.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back with PDFBox: its pages, its text (NFC, as Vietnamese is compared), its pages as images. */
public final class PdfText {

    private PdfText() {}

    /** What a PDF says: how many pages, and its text in NFC. */
    public record Read(int pages, String text) {
        /** The text with every run of white space as one space (lines of a label joined). */
        public String flat() {
            return text.replaceAll("\\s+", " ");
        }
    }

    public static Read read(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new Read(
                    doc.getNumberOfPages(),
                    Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC));
        } catch (IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }

    /** Every page rendered in grey at {@code dpi}. */
    public static List<BufferedImage> pageImages(byte[] pdf, int dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> pages = new ArrayList<>();
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                pages.add(renderer.renderImageWithDPI(p, dpi, ImageType.GRAY));
            }
            return pages;
        } catch (IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }
}
