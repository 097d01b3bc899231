package vn.temso.stamp.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.temso.stamp.StampSigner;
import vn.temso.stamp.StampUrl;
import vn.temso.stamp.StampVectors;
import vn.temso.stamp.StampVerifier;
import vn.temso.stamp.Verdict;

class QrStampTest {

    private static final String BASE = "https://truyxuat.example.com"; // 20-character host
    private static final StampSigner SIGNER = new StampSigner(StampVectors.key("active"));
    private static final StampUrl TYPICAL = SIGNER.signStamp(BASE, "00893850100125", "L2025-11-A07", "7K3M9QXR2D");
    private static final StampUrl WORST = SIGNER.signStamp(BASE, "00893850100125", "L2025-11-A07-HTX-123", "7K3M9QXR2D4F6H8J0N1P");

    @Test
    void shouldRoundTripThroughPngAndZxingDecoder() throws Exception {
        StampVerifier verifier = new StampVerifier(StampVectors.jwks());
        for (StampUrl stamp : List.of(TYPICAL, WORST)) {
            QrStamp qr = QrStamp.of(stamp);
            byte[] png = qr.toPng(4);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals((qr.moduleCount() + 8) * 4, image.getWidth());
            String decoded = decode(image);
            assertEquals(stamp.toQrContent(), decoded);
            assertEquals(Verdict.GENUINE, verifier.verify(decoded).verdict());
        }
        for (boolean compact : new boolean[] {false, true}) {
            QrStamp qr = QrStamp.encode(TYPICAL.toUrl(), ErrorCorrectionLevel.H, compact);
            assertEquals(TYPICAL.toUrl(), decode(ImageIO.read(new ByteArrayInputStream(qr.toPng(3)))));
        }
    }

    @Test
    void shouldFitTheTypicalStampInVersionTenAtLevelQ() {
        QrStamp qr = QrStamp.of(TYPICAL);
        assertEquals(ErrorCorrectionLevel.Q, qr.errorCorrection());
        assertTrue(qr.version() <= 10, qr.toString());
        assertEquals(17 + 4 * qr.version(), qr.moduleCount());
        // the measured reason for upper case + mixed mode: one mode, or a lower-case host, needs version 11
        assertEquals(11, QrStamp.encode(TYPICAL.toUrl(), ErrorCorrectionLevel.Q, false).version());
        assertEquals(11, QrStamp.encode(TYPICAL.toUrl(), ErrorCorrectionLevel.Q, true).version());
        assertEquals(11, QrStamp.encode(TYPICAL.toQrContent(), ErrorCorrectionLevel.Q, false).version());
        assertEquals(11, QrStamp.of(WORST).version());
    }

    @Test
    void shouldRejectContentThatFitsNoVersion() {
        assertThrows(IllegalArgumentException.class, () -> QrStamp.encode("x".repeat(3000), ErrorCorrectionLevel.H, false));
        assertThrows(IllegalArgumentException.class, () -> QrStamp.of(TYPICAL).toPng(0));
    }

    private static String decode(BufferedImage image) throws Exception {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
