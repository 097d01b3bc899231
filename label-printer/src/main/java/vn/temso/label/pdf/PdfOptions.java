package vn.temso.label.pdf;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Objects;
import vn.temso.label.LabelProgress;
import vn.temso.label.layout.QrSymbol;

/**
 * How to print a sheet PDF. Start from {@link #defaults()} and change what you need:
 * {@code PdfOptions.defaults().withStartPosition(5).withCutMarks(true)}.
 *
 * @param startPosition   1-based label position on the first sheet to start at (skips a partly used sheet)
 * @param cutMarks        draw crop marks in the page margins at the label edges
 * @param calibrationPage begin with a page of label outlines, crosshairs and the template's numbers
 * @param dpi             the printer's resolution; QR modules and edges snap to this dot grid
 * @param errorCorrection QR error correction level (Q by default: survives ~25 % damage)
 * @param progress        told (labels done, total) after every page
 * @param encoderThreads  threads encoding QR codes ahead of the page writer; 1 (default) starts none
 */
public record PdfOptions(
        int startPosition,
        boolean cutMarks,
        boolean calibrationPage,
        int dpi,
        ErrorCorrectionLevel errorCorrection,
        LabelProgress progress,
        int encoderThreads) {

    public PdfOptions {
        if (startPosition < 1) {
            throw new IllegalArgumentException("startPosition is 1-based, not " + startPosition);
        }
        if (dpi < 72 || dpi > 2400) {
            throw new IllegalArgumentException("dpi must be between 72 and 2400, not " + dpi);
        }
        Objects.requireNonNull(errorCorrection, "errorCorrection");
        progress = progress == null ? LabelProgress.NONE : progress;
        if (encoderThreads < 1 || encoderThreads > 64) {
            throw new IllegalArgumentException("encoderThreads must be 1 to 64, not " + encoderThreads);
        }
    }

    /** Position 1, no cut marks, no calibration page, 300 dpi, level Q. */
    public static PdfOptions defaults() {
        return new PdfOptions(1, false, false, 300, QrSymbol.DEFAULT_LEVEL, LabelProgress.NONE, 1);
    }

    public PdfOptions withStartPosition(int position) {
        return new PdfOptions(position, cutMarks, calibrationPage, dpi, errorCorrection, progress, encoderThreads);
    }

    public PdfOptions withCutMarks(boolean on) {
        return new PdfOptions(startPosition, on, calibrationPage, dpi, errorCorrection, progress, encoderThreads);
    }

    public PdfOptions withCalibrationPage(boolean on) {
        return new PdfOptions(startPosition, cutMarks, on, dpi, errorCorrection, progress, encoderThreads);
    }

    public PdfOptions withDpi(int newDpi) {
        return new PdfOptions(
                startPosition, cutMarks, calibrationPage, newDpi, errorCorrection, progress, encoderThreads);
    }

    public PdfOptions withErrorCorrection(ErrorCorrectionLevel level) {
        return new PdfOptions(startPosition, cutMarks, calibrationPage, dpi, level, progress, encoderThreads);
    }

    public PdfOptions withProgress(LabelProgress listener) {
        return new PdfOptions(startPosition, cutMarks, calibrationPage, dpi, errorCorrection, listener, encoderThreads);
    }

    public PdfOptions withEncoderThreads(int threads) {
        return new PdfOptions(startPosition, cutMarks, calibrationPage, dpi, errorCorrection, progress, threads);
    }
}
