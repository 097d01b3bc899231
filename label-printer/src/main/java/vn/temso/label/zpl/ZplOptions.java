package vn.temso.label.zpl;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Objects;
import vn.temso.label.LabelProgress;
import vn.temso.label.layout.QrSymbol;

/**
 * How to print ZPL.
 *
 * @param errorCorrection QR error correction level (Q by default)
 * @param progress        told (labels done, total) every 100 labels and at the end
 */
public record ZplOptions(ErrorCorrectionLevel errorCorrection, LabelProgress progress) {

    public ZplOptions {
        Objects.requireNonNull(errorCorrection, "errorCorrection");
        progress = progress == null ? LabelProgress.NONE : progress;
    }

    public static ZplOptions defaults() {
        return new ZplOptions(QrSymbol.DEFAULT_LEVEL, LabelProgress.NONE);
    }

    public ZplOptions withErrorCorrection(ErrorCorrectionLevel level) {
        return new ZplOptions(level, progress);
    }

    public ZplOptions withProgress(LabelProgress listener) {
        return new ZplOptions(errorCorrection, listener);
    }
}
