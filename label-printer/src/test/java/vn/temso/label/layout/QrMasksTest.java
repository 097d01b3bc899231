package vn.temso.label.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.temso.label.Fixtures;

class QrMasksTest {

    private static final String URL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** ZXing's own encoding, mask chosen by its Encoder. */
    private static QRCode zxing(String payload, ErrorCorrectionLevel level) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(payload)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        return Encoder.encode(payload, level, hints);
    }

    private static void assertSameAsZxing(String payload, ErrorCorrectionLevel level) throws WriterException {
        QRCode expected = zxing(payload, level);
        ByteMatrix m = expected.getMatrix();
        QrSymbol symbol = QrSymbol.encode(payload, level);
        assertEquals(expected.getVersion().getVersionNumber(), symbol.version(), payload);
        assertEquals(m.getWidth(), symbol.size(), payload);

        Map<EncodeHintType, Object> mask0 = new EnumMap<>(EncodeHintType.class);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(payload)) {
            mask0.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        mask0.put(EncodeHintType.QR_MASK_PATTERN, 0);
        QRCode base = Encoder.encode(payload, level, mask0);
        assertEquals(
                expected.getMaskPattern(),
                QrMasks.choose(base.getMatrix(), symbol.version(), level).mask(),
                "mask of " + payload + " at " + level);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                assertEquals(
                        m.get(x, y) == 1,
                        symbol.isDark(x, y),
                        "module " + x + "," + y + " of " + payload + " at " + level);
            }
        }
    }

    @Test
    void shouldChooseZxingsMaskAndMatrixForStampUrls() throws WriterException {
        for (int i = 0; i < 400; i++) {
            assertSameAsZxing(Fixtures.stampUrl(i * 7919), ErrorCorrectionLevel.values()[i % 4]);
        }
    }

    @Test
    void shouldChooseZxingsMaskAndMatrixForRandomPayloadsOfEveryLengthAndLevel() throws WriterException {
        Random random = new Random(20251122); // fixed seed: the same 300 payloads on every run
        for (int i = 0; i < 300; i++) {
            // 1 to 600 characters: versions 2 to 28 (row-bit scoring up to version 11, byte scoring above)
            int length = 1 + random.nextInt(i < 150 ? 160 : 600);
            StringBuilder sb = new StringBuilder("https://temso.example.vn/s/");
            for (int c = 0; c < length; c++) {
                sb.append(URL_CHARS.charAt(random.nextInt(URL_CHARS.length())));
            }
            for (ErrorCorrectionLevel level : ErrorCorrectionLevel.values()) {
                assertSameAsZxing(sb.toString(), level);
            }
        }
    }

    @Test
    void shouldChooseZxingsMaskForNumericAndUtf8Payloads() throws WriterException {
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            String digits = Long.toString(Math.abs(random.nextLong()));
            assertSameAsZxing(digits.repeat(1 + i % 5), ErrorCorrectionLevel.Q);
            assertSameAsZxing("Gạo thơm ST25 lô " + i + " ★".repeat(1 + i % 9), ErrorCorrectionLevel.values()[i % 4]);
        }
    }
}
