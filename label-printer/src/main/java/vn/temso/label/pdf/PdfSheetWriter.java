package vn.temso.label.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;
import vn.temso.label.LabelPrinterException;
import vn.temso.label.LabelWriter;
import vn.temso.label.PrintSummary;
import vn.temso.label.io.CountingOutputStream;
import vn.temso.label.item.InvalidLabelItemException;
import vn.temso.label.item.LabelItem;
import vn.temso.label.layout.LabelLayout;
import vn.temso.label.layout.QrPipeline;
import vn.temso.label.layout.QrSymbol;
import vn.temso.label.layout.TextBlock;
import vn.temso.label.layout.TextFitter;
import vn.temso.label.layout.TextLine;
import vn.temso.label.template.SheetTemplate;

/**
 * Writes labels onto sticker sheets as a PDF. Pages are streamed: OpenPDF writes each page's
 * content when the next page starts, and items are pulled one at a time, so memory stays flat
 * however many labels are printed. The QR codes are vector rectangles on the printer's dot grid,
 * the text is DejaVu Sans embedded as a subset.
 *
 * <p>Instances are cheap and not shared between threads; make one per print job.
 */
public final class PdfSheetWriter implements LabelWriter {

    private static final Logger LOG = Logger.getLogger(PdfSheetWriter.class.getName());
    private static final double MM_TO_PT = 72 / 25.4;
    private static final float CUT_MARK_PT = 0.25f;

    private final SheetTemplate template;
    private final PdfOptions options;
    private final double ptPerDot;
    private final float pageWidthPt;
    private final float pageHeightPt;

    public PdfSheetWriter(SheetTemplate template, PdfOptions options) {
        this.template = Objects.requireNonNull(template, "template");
        this.options = Objects.requireNonNull(options, "options");
        if (options.startPosition() > template.labelsPerSheet()) {
            throw new LabelPrinterException("start position " + options.startPosition() + " is past the last label of "
                    + template.name() + " (" + template.labelsPerSheet() + " labels per sheet)");
        }
        this.ptPerDot = 72.0 / options.dpi();
        // rounded as the PDF writes them, so y = pageHeight - top maps back to the same device pixel
        this.pageWidthPt = round2(template.pageWidthMm() * MM_TO_PT);
        this.pageHeightPt = round2(template.pageHeightMm() * MM_TO_PT);
    }

    /**
     * Prints items as they come.
     *
     * @param total how many items the iterator will give, for progress; -1 if unknown
     * @param out   receives the PDF; flushed, not closed
     */
    @Override
    public PrintSummary write(Iterator<LabelItem> items, long total, OutputStream out) throws IOException {
        if (!items.hasNext() && !options.calibrationPage()) {
            throw new InvalidLabelItemException("no label items to print");
        }
        CountingOutputStream counted = new CountingOutputStream(out);
        Document doc = new Document(new Rectangle(pageWidthPt, pageHeightPt), 0, 0, 0, 0);
        PdfWriter writer;
        try {
            writer = PdfWriter.getInstance(doc, counted);
        } catch (DocumentException e) {
            throw new IOException("cannot start the PDF", e);
        }
        writer.setCloseStream(false);
        // zlib's default level: level 9 made deflating the page streams most of the time of a sheet
        // (5,000 labels: 8.5 s at level 9, 3.5 s at level 6) for 6 % smaller files
        writer.setCompressionLevel(6);
        doc.addCreator("Temso label-printer");
        doc.addTitle("Labels " + template.name());
        doc.open();
        PdfContentByte cb = writer.getDirectContent();
        PdfFonts fonts = new PdfFonts();
        LabelLayout layout = new LabelLayout(options.dpi(), fonts);
        int pages = 0;
        long done = 0;
        try (QrPipeline encoded = new QrPipeline(items, options.errorCorrection(), options.encoderThreads())) {
            if (options.calibrationPage()) {
                drawCalibration(cb, fonts, layout);
                pages++;
                if (encoded.hasNext()) {
                    doc.newPage();
                }
            }
            int position = options.startPosition() - 1;
            boolean pageStarted = false;
            int perSheet = template.labelsPerSheet();
            while (encoded.hasNext()) {
                if (position == perSheet) {
                    doc.newPage();
                    options.progress().onProgress(done, total);
                    position = 0;
                    pageStarted = false;
                }
                if (!pageStarted) {
                    pages++;
                    pageStarted = true;
                    if (options.cutMarks()) {
                        drawCutMarks(cb);
                    }
                }
                QrPipeline.Encoded next = encoded.next();
                drawLabel(cb, fonts, layout, next.item(), next.qr(), position);
                position++;
                done++;
            }
            doc.close();
        } catch (RuntimeException e) {
            abandon(doc);
            throw e;
        }
        options.progress().onProgress(done, total);
        PrintSummary summary = new PrintSummary(done, pages, counted.count());
        LOG.fine(() -> "wrote " + template.name() + " PDF: " + summary);
        return summary;
    }

    /** A PDF with only the calibration page. */
    public PrintSummary writeCalibration(OutputStream out) throws IOException {
        return new PdfSheetWriter(template, options.withCalibrationPage(true))
                .write(java.util.Collections.emptyIterator(), 0, out);
    }

    private void drawLabel(
            PdfContentByte cb, PdfFonts fonts, LabelLayout layout, LabelItem item, QrSymbol qr, int position) {
        double left = layout.dots(template.labelLeftMm(position));
        double top = layout.dots(template.labelTopMm(position));
        LabelLayout.Placed placed = layout.layout(
                item,
                qr,
                left,
                top,
                layout.dots(template.labelWidthMm()),
                layout.dots(template.labelHeightMm()),
                template.cornerRadiusMm(),
                0);
        drawQr(cb, placed);
        drawText(cb, fonts, placed.lines());
    }

    /** The symbol as one filled path of whole-module rectangles, in a coordinate system of modules. */
    private void drawQr(PdfContentByte cb, LabelLayout.Placed p) {
        int[] r = p.qr().rectangles();
        StringBuilder sb = new StringBuilder(r.length * 4 + 64);
        double s = p.moduleDots() * ptPerDot;
        sb.append("q 0 g ")
                .append(num(s))
                .append(" 0 0 ")
                .append(num(-s))
                .append(' ')
                .append(num(p.qrLeft() * ptPerDot))
                .append(' ')
                .append(num(pageHeightPt - p.qrTop() * ptPerDot))
                .append(" cm\n");
        for (int i = 0; i < r.length; i += 4) {
            sb.append(r[i])
                    .append(' ')
                    .append(r[i + 1])
                    .append(' ')
                    .append(r[i + 2])
                    .append(' ')
                    .append(r[i + 3])
                    .append(" re\n");
        }
        sb.append("f Q\n");
        cb.setLiteral(sb.toString());
    }

    private void drawText(PdfContentByte cb, PdfFonts fonts, List<TextLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        cb.beginText();
        BaseFont current = null;
        double currentSize = -1;
        for (TextLine line : lines) {
            BaseFont face = fonts.face(line.bold());
            double size = line.size() * ptPerDot;
            if (face != current || size != currentSize) {
                cb.setFontAndSize(face, (float) size);
                current = face;
                currentSize = size;
            }
            cb.setTextMatrix((float) (line.x() * ptPerDot), (float) (pageHeightPt - line.baseline() * ptPerDot));
            cb.showText(line.text());
        }
        cb.endText();
    }

    /** Crop marks in the page margins, on the extension of every label edge; none where a margin is under 1 mm. */
    private void drawCutMarks(PdfContentByte cb) {
        double gridLeft = template.leftMarginMm();
        double gridTop = template.topMarginMm();
        double gridRight = gridLeft + (template.columns() - 1) * template.horizontalPitchMm() + template.labelWidthMm();
        double gridBottom = gridTop + (template.rows() - 1) * template.verticalPitchMm() + template.labelHeightMm();
        double rightMargin = template.pageWidthMm() - gridRight;
        double bottomMargin = template.pageHeightMm() - gridBottom;
        cb.saveState();
        cb.setLineWidth(CUT_MARK_PT);
        for (int c = 0; c < template.columns(); c++) {
            for (double x : new double[] {template.labelLeftMm(c), template.labelLeftMm(c) + template.labelWidthMm()}) {
                mark(cb, x, gridTop, x, gridTop - markLength(gridTop));
                mark(cb, x, gridBottom, x, gridBottom + markLength(bottomMargin));
            }
        }
        for (int row = 0; row < template.rows(); row++) {
            double rowTop = template.labelTopMm(row * template.columns());
            for (double y : new double[] {rowTop, rowTop + template.labelHeightMm()}) {
                mark(cb, gridLeft, y, gridLeft - markLength(gridLeft), y);
                mark(cb, gridRight, y, gridRight + markLength(rightMargin), y);
            }
        }
        cb.stroke();
        cb.restoreState();
    }

    /** Marks stop 0.5 mm short of the label and of the page edge, at most 5 mm long. */
    private static double markLength(double margin) {
        return margin < 1 ? 0 : Math.min(5, margin - 0.5);
    }

    private void mark(PdfContentByte cb, double x1Mm, double y1Mm, double x2Mm, double y2Mm) {
        if (x1Mm == x2Mm && y1Mm == y2Mm) {
            return;
        }
        // leave 0.5 mm between the mark and the label it points at
        double dx = Math.signum(x2Mm - x1Mm) * 0.5;
        double dy = Math.signum(y2Mm - y1Mm) * 0.5;
        cb.moveTo(xPt(x1Mm + dx), yPt(y1Mm + dy));
        cb.lineTo(xPt(x2Mm), yPt(y2Mm));
    }

    /** Outlines, crosshairs and numbers of every label, and the template's figures, to check alignment. */
    private void drawCalibration(PdfContentByte cb, PdfFonts fonts, LabelLayout layout) {
        cb.saveState();
        cb.setLineWidth(0.3f);
        double r = template.cornerRadiusMm() * MM_TO_PT;
        double w = template.labelWidthMm() * MM_TO_PT;
        double h = template.labelHeightMm() * MM_TO_PT;
        for (int i = 0; i < template.labelsPerSheet(); i++) {
            float x = xPt(template.labelLeftMm(i));
            float y = yPt(template.labelTopMm(i) + template.labelHeightMm());
            if (r > 0) {
                cb.roundRectangle(x, y, (float) w, (float) h, (float) r);
            } else {
                cb.rectangle(x, y, (float) w, (float) h);
            }
            double cx = template.labelLeftMm(i) + template.labelWidthMm() / 2;
            double cy = template.labelTopMm(i) + template.labelHeightMm() / 2;
            double arm = Math.min(4, Math.min(template.labelWidthMm(), template.labelHeightMm()) / 4);
            cb.moveTo(xPt(cx - arm), yPt(cy));
            cb.lineTo(xPt(cx + arm), yPt(cy));
            cb.moveTo(xPt(cx), yPt(cy - arm));
            cb.lineTo(xPt(cx), yPt(cy + arm));
        }
        cb.stroke();
        cb.restoreState();

        // label numbers, top-left inside each label
        cb.beginText();
        float numberSize = (float) Math.min(7, template.labelHeightMm() * MM_TO_PT / 6);
        cb.setFontAndSize(fonts.regular, numberSize);
        for (int i = 0; i < template.labelsPerSheet(); i++) {
            cb.setTextMatrix(xPt(template.labelLeftMm(i) + 2), yPt(template.labelTopMm(i) + 2) - numberSize);
            cb.showText("#" + (i + 1));
        }
        cb.endText();

        // the template's numbers, fitted into the lower half of the first label
        String figures = String.format(
                Locale.ROOT,
                "Calibration %s. Print at 100 %% (no fit to page), hold against"
                        + " a blank sheet: outlines must match the labels.",
                template.describe());
        double arm = Math.min(4, Math.min(template.labelWidthMm(), template.labelHeightMm()) / 4);
        double left = layout.dots(template.labelLeftMm(0) + 2);
        double top = layout.dots(template.labelTopMm(0) + template.labelHeightMm() / 2 + arm + 0.5);
        double width = layout.dots(template.labelWidthMm() - 4);
        double height = layout.dots(template.labelHeightMm() / 2 - arm - 2);
        TextFitter.Fit fit = new TextFitter(fonts)
                .fit(
                        List.of(new TextBlock(figures, false, 1, 12)),
                        left,
                        top,
                        width,
                        height,
                        layout.dots(6 / MM_TO_PT),
                        layout.dots(3 / MM_TO_PT));
        drawText(cb, fonts, fit.lines());
    }

    private float xPt(double mm) {
        return (float) (mm * MM_TO_PT);
    }

    private float yPt(double mmFromTop) {
        return (float) (pageHeightPt - mmFromTop * MM_TO_PT);
    }

    private static void abandon(Document doc) {
        try {
            doc.close();
        } catch (RuntimeException suppressed) {
            LOG.fine(() -> "closing a failed PDF: " + suppressed);
        }
    }

    private static float round2(double v) {
        return (float) (Math.round(v * 100) / 100.0);
    }

    /** Up to 4 decimals, no exponent, no trailing zeros: what a content stream wants. */
    static String num(double v) {
        long scaled = Math.round(v * 10000);
        StringBuilder sb = new StringBuilder();
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / 10000);
        long frac = scaled % 10000;
        if (frac != 0) {
            String f = String.format(Locale.ROOT, "%04d", frac).replaceAll("0+$", "");
            sb.append('.').append(f);
        }
        return sb.toString();
    }
}
