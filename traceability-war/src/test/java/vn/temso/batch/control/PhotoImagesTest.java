package vn.temso.batch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.temso.platform.problem.Problems;
import vn.temso.testsupport.CameraJpegs;

class PhotoImagesTest {

    private static final byte[] PLAIN = CameraJpegs.marked(2400, 1800);

    private static BufferedImage stored(PhotoImages.Processed p) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.jpeg()));
        assertEquals(p.width(), img.getWidth());
        assertEquals(p.height(), img.getHeight());
        return img;
    }

    private static boolean red(BufferedImage img, int x, int y) {
        Color c = new Color(img.getRGB(x, y));
        return c.getRed() > 180 && c.getGreen() < 80 && c.getBlue() < 80;
    }

    /** Where the red square (stored top left) is shown: which corners of the stored photo are red. */
    private static String corners(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int m = 40;
        return (red(img, m, m) ? "TL" : "")
                + (red(img, w - m, m) ? "TR" : "")
                + (red(img, m, h - m) ? "BL" : "")
                + (red(img, w - m, h - m) ? "BR" : "");
    }

    @Test
    void turnsEveryOrientationUprightBeforeResizing() throws IOException {
        String[] shown = {"TL", "TR", "BR", "BL", "TL", "TR", "BR", "BL"};
        for (int o = 1; o <= 8; o++) {
            PhotoImages.Processed p = PhotoImages.process(CameraJpegs.withExif(PLAIN, o, false), false);
            boolean quarter = o >= 5;
            assertEquals(quarter ? 1200 : 1600, p.width(), "orientation " + o);
            assertEquals(quarter ? 1600 : 1200, p.height(), "orientation " + o);
            assertEquals(shown[o - 1], corners(stored(p)), "orientation " + o);
            assertTrue(
                    !new String(p.jpeg(), StandardCharsets.ISO_8859_1).contains("Exif"),
                    "no orientation tag left to turn it again");
        }
        PhotoImages.Processed none = PhotoImages.process(PLAIN, false);
        assertEquals("TL", corners(stored(none)));
    }

    @Test
    void readsOrientationAndLocationFromOneExifBlock() {
        byte[] both = CameraJpegs.withExif(PLAIN, 6, true);
        assertEquals(6, Exif.orientation(both));
        assertEquals(10.5371, Exif.location(both).latitude(), 0.001);
        assertEquals(106.5122, Exif.location(both).longitude(), 0.001);
        assertEquals(Exif.UPRIGHT, Exif.orientation(CameraJpegs.withExif(PLAIN, 0, true)));
        assertEquals(Exif.UPRIGHT, Exif.orientation(CameraJpegs.withExif(PLAIN, 99, false)), "out of range");
        assertNull(Exif.location(CameraJpegs.withExif(PLAIN, 6, false)));
    }

    @Test
    void hostileOrTruncatedExifMeansUprightWithoutLocationNeverAnError() {
        byte[] good = CameraJpegs.withExif(PLAIN, 8, true);
        for (int n = 0; n < 200; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            int o = Exif.orientation(cut);
            assertTrue(o >= 1 && o <= 8);
            Exif.location(cut);
        }
        Random random = new Random(16);
        for (int k = 0; k < 5_000; k++) {
            byte[] b = Arrays.copyOf(good, 200);
            for (int flips = 0; flips < 4; flips++) {
                b[4 + random.nextInt(150)] = (byte) random.nextInt(256);
            }
            int o = Exif.orientation(b);
            assertTrue(o >= 1 && o <= 8);
            Exif.location(b);
        }
        // a truncated photo with an EXIF block: what ImageIO decodes of it (the rest grey), or a 400, nothing else
        for (int n = 300; n < good.length; n += good.length / 7) {
            byte[] cut = Arrays.copyOf(good, n);
            try {
                assertEquals(1200, PhotoImages.process(cut, false).width(), "turned upright");
            } catch (Problems.ValidationFailed v) {
                assertEquals("photo", v.violations().get(0).field());
            }
        }
    }

    @Test
    void refusesBombsAndNonImagesBeforeDecoding() {
        assertThrows(
                Problems.ValidationFailed.class,
                () -> PhotoImages.process(CameraJpegs.pngClaiming(60_000, 60_000), false));
        assertThrows(
                Problems.ValidationFailed.class,
                () -> PhotoImages.process("<svg/>".getBytes(StandardCharsets.UTF_8), false));
    }

    @Test
    void aBodyOverTheLimitIsA413AfterTheRestIsReadAway() {
        int[] read = {0};
        InputStream body = new InputStream() {
            @Override
            public int read() {
                return read[0]++ < 3_000 ? 7 : -1;
            }
        };
        Problems.PayloadTooLarge tooLarge =
                assertThrows(Problems.PayloadTooLarge.class, () -> PhotoImages.read(body, 1_000));
        assertEquals(413, tooLarge.status());
        assertTrue(read[0] > 3_000, "the whole body was read");
        assertEquals(3, PhotoImages.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3).length);
        assertThrows(Problems.ValidationFailed.class, () -> PhotoImages.read(new ByteArrayInputStream(new byte[0]), 3));
    }
}
