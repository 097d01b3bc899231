package vn.temso.label.bench;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Locale;
import vn.temso.label.Fixtures;
import vn.temso.label.layout.QrSymbol;

/**
 * Time per QR symbol for the ~150-character stamp URL at level Q, one thread: ZXing's Encoder
 * choosing the mask itself (8 full builds) against QrSymbol.encode (one build, 8 masks scored by
 * QrMasks; the rectangle merging for the PDF included). Not a test.
 */
public final class QrEncodeBenchmark {

    private QrEncodeBenchmark() {}

    public static void main(String[] args) throws WriterException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        long sink = 0;
        for (int round = 0; round < 3; round++) { // the first rounds warm up the JIT
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += Encoder.encode(Fixtures.stampUrl(i), ErrorCorrectionLevel.Q)
                        .getMaskPattern();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += QrSymbol.encode(Fixtures.stampUrl(i), ErrorCorrectionLevel.Q)
                        .rectangleCount();
            }
            long t2 = System.nanoTime();
            double zx = (t1 - t0) / 1e3 / n;
            double ours = (t2 - t1) / 1e3 / n;
            System.out.printf(
                    Locale.ROOT,
                    "round %d: ZXing Encoder %.0f us/symbol, QrSymbol.encode %.0f us/symbol" + " (%.1fx)%n",
                    round + 1,
                    zx,
                    ours,
                    zx / ours);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
