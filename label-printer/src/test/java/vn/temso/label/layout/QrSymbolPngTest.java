package vn.temso.label.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.temso.label.Fixtures;

class QrSymbolPngTest {

    /** A stamp URL as issued: 20-character host, 12-character lot, 10-character serial, 86-character signature. */
    private static final String TYPICAL = "https://truyxuat.example.com/01/00893850100125/10/L2025-11-A07/21/7K3M9QXR2D"
            + "?8030=" + "MEUCIQDx7rT3kq9Vb2Lw8yZp0sNfHj4aGcE1mRtUoXiYvBzQdA_iB-9sKq2WnVfLxPjYhRtZcM0123456789-_AB";

    @Test
    void shouldRenderAPngThatDecodesToThePayloadWithTheQuietZone() throws Exception {
        for (String payload : new String[] {TYPICAL, Fixtures.stampUrl(7), "Gạo ST25 – HTX Tân Phú"}) {
            QrSymbol qr = QrSymbol.encode(payload, QrSymbol.DEFAULT_LEVEL);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.toPng(4)));
            assertEquals(qr.sizeWithQuietZone() * 4, image.getWidth());
            assertEquals(payload, decode(image));
        }
    }

    @Test
    void shouldUseLevelQAndTheMeasuredVersionForATypicalStamp() {
        assertEquals(ErrorCorrectionLevel.Q, QrSymbol.DEFAULT_LEVEL);
        QrSymbol qr = QrSymbol.encode(TYPICAL, QrSymbol.DEFAULT_LEVEL);
        assertEquals(11, qr.version()); // docs/stamp-format.md section 6: one mode, lower-case host
        assertEquals(17 + 4 * 11, qr.size());
        assertThrows(IllegalArgumentException.class, () -> qr.toPng(0));
    }

    private static String decode(BufferedImage image) throws Exception {
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }
}
