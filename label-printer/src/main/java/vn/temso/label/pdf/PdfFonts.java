package vn.temso.label.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.UncheckedIOException;
import vn.temso.label.font.LabelFonts;
import vn.temso.label.layout.TextMeasurer;

/** DejaVu as embedded Identity-H PDF fonts (subset on close), and their metrics for layout. */
final class PdfFonts implements TextMeasurer {
    final BaseFont regular;
    final BaseFont bold;

    PdfFonts() {
        try {
            // a BaseFont per document: OpenPDF tracks used glyphs inside it for subsetting
            regular = BaseFont.createFont(
                    LabelFonts.REGULAR_RESOURCE,
                    BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED,
                    false,
                    LabelFonts.regularTtf(),
                    null);
            bold = BaseFont.createFont(
                    LabelFonts.BOLD_RESOURCE,
                    BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED,
                    false,
                    LabelFonts.boldTtf(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the embedded DejaVu fonts", e);
        }
    }

    BaseFont face(boolean isBold) {
        return isBold ? bold : regular;
    }

    @Override
    public double width(String text, boolean isBold, double size) {
        return face(isBold).getWidthPoint(text, (float) size);
    }
}
