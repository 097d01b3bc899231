package vn.temso.product.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.temso.product.control.ImageRefused.Rule;
import vn.temso.testsupport.CameraJpegs;

class ImageSizesTest {

    /** A test image: left half red, right half blue, the top-left corner transparent when {@code alpha}. */
    static byte[] image(int w, int h, String format, boolean alpha) throws IOException {
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                int rgb = x < w / 2 ? 0xffc62828 : 0xff1565c0;
                img.setRGB(x, y, alpha && x < w / 4 && y < h / 4 ? 0x00000000 : rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static BufferedImage read(byte[] jpeg) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertTrue(img != null, "a JPEG ImageIO reads");
        return img;
    }

    private static void assertColour(Color expected, BufferedImage img, int x, int y) {
        Color c = new Color(img.getRGB(x, y));
        assertTrue(
                Math.abs(c.getRed() - expected.getRed()) < 30
                        && Math.abs(c.getGreen() - expected.getGreen()) < 30
                        && Math.abs(c.getBlue() - expected.getBlue()) < 30,
                "at " + x + "," + y + ": " + c + ", expected " + expected);
    }

    private static Rule refused(byte[] upload) {
        return assertThrows(ImageRefused.class, () -> ImageSizes.prepare(upload, true))
                .rule();
    }

    @Test
    void shouldMakeEverySizeAsAJpegOnWhiteWithoutEverEnlarging() throws IOException {
        ImageSizes.Prepared p = ImageSizes.prepare(image(1600, 1000, "png", true), true);
        assertEquals(ImageSizes.Format.PNG, p.format());
        assertEquals(List.of(1200, 600, 300), List.copyOf(p.jpegs().keySet()));
        int[][] expected = {{1200, 750}, {600, 375}, {300, 188}};
        for (int i = 0; i < expected.length; i++) {
            byte[] jpeg = p.jpegs().get(ImageSizes.SIZES.get(i));
            assertEquals(ImageSizes.Format.JPEG, ImageSizes.sniff(jpeg));
            BufferedImage img = read(jpeg);
            assertEquals(expected[i][0], img.getWidth());
            assertEquals(expected[i][1], img.getHeight());
            assertColour(Color.WHITE, img, 2, 2); // transparent: white, as marketplaces show it
            assertColour(new Color(0xc62828), img, img.getWidth() / 2 - 10, img.getHeight() / 2);
            assertColour(new Color(0x1565c0), img, img.getWidth() - 5, img.getHeight() - 5);
        }

        ImageSizes.Prepared small = ImageSizes.prepare(image(640, 520, "jpeg", false), true);
        assertEquals(ImageSizes.Format.JPEG, small.format());
        assertEquals(640, read(small.jpegs().get(1200)).getWidth(), "never enlarged");
        assertEquals(520, read(small.jpegs().get(1200)).getHeight());
        assertEquals(600, read(small.jpegs().get(600)).getWidth());
        assertEquals(300, read(small.jpegs().get(300)).getWidth());
    }

    @Test
    void shouldReadTheFormatFromTheBytesNotTheName() throws IOException {
        assertEquals(ImageSizes.Format.PNG, ImageSizes.sniff(image(8, 8, "png", false)));
        assertEquals(ImageSizes.Format.JPEG, ImageSizes.sniff(image(8, 8, "jpeg", false)));
        assertEquals(ImageSizes.Format.WEBP, ImageSizes.sniff(resource("quadrants.webp")));
        assertEquals(null, ImageSizes.sniff(image(8, 8, "gif", false)));
        assertEquals(
                null, ImageSizes.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Rule.NOT_AN_IMAGE, refused(image(600, 600, "gif", false)));
        assertEquals(Rule.NOT_AN_IMAGE, refused("<html>not an image</html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Rule.EMPTY, refused(new byte[0]));
        byte[] png = image(600, 600, "png", false);
        assertEquals(Rule.UNREADABLE, refused(Arrays.copyOf(png, 60)), "a PNG header and nothing after it");
    }

    @Test
    void shouldRefuseWebpByName() throws IOException {
        ImageRefused e = assertThrows(ImageRefused.class, () -> ImageSizes.prepare(resource("quadrants.webp"), true));
        assertEquals(Rule.WEBP, e.rule());
        assertEquals(Map.of("rule", "webp-not-accepted"), e.extensions());
    }

    @Test
    void shouldRefuseImagesSmallerThanTheMarketplacesMinimumNamingTheRule() throws IOException {
        ImageRefused e =
                assertThrows(ImageRefused.class, () -> ImageSizes.prepare(image(499, 800, "png", false), true));
        assertEquals(Rule.TOO_SMALL, e.rule());
        assertEquals(ImageRefused.FIELD, e.violations().get(0).field());
        assertEquals(Map.of("rule", "too-small"), e.extensions());
        assertEquals(List.of(499, 800, 500), e.args());
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("499 × 800"), e.getMessage());
        // an image stored by an earlier version is still served, as well as it can be
        assertEquals(
                499,
                read(ImageSizes.prepare(image(499, 800, "png", false), false)
                                .jpegs()
                                .get(1200))
                        .getWidth());
    }

    @Test
    void shouldRefuseDecompressionBombsFromTheHeaderAlone() {
        // a few hundred bytes claiming 20000 × 20000: decoding would take 1.6 GB
        assertEquals(Rule.TOO_MANY_PIXELS, refused(CameraJpegs.pngClaiming(20_000, 20_000)));
        assertEquals(Rule.TOO_MANY_PIXELS, refused(CameraJpegs.pngClaiming(10_001, 600)), "a side over 10000 px");
        assertEquals(Rule.TOO_MANY_PIXELS, refused(CameraJpegs.pngClaiming(8_000, 8_000)), "64 megapixels");
        assertThrows(ImageRefused.class, () -> ImageSizes.checkDimensions(0, 10, false));
        ImageSizes.checkDimensions(10_000, 4_000, true); // exactly at both limits
    }

    @Test
    void shouldServeNoMetadataOfTheUpload() {
        byte[] camera = CameraJpegs.withExif(CameraJpegs.marked(1400, 1050), 1, true);
        assertTrue(new String(camera, StandardCharsets.ISO_8859_1).contains("Exif"), "the upload has EXIF and GPS");
        ImageSizes.Prepared p = ImageSizes.prepare(camera, true);
        for (byte[] jpeg : p.jpegs().values()) {
            String text = new String(jpeg, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("Exif"), "no EXIF block");
            assertFalse(text.contains("ICC_PROFILE"), "no colour profile: the pixels are sRGB");
        }
    }

    @Test
    void shouldScaleByHalvesToTheExactSize() {
        BufferedImage src = new BufferedImage(2400, 1000, BufferedImage.TYPE_INT_RGB);
        BufferedImage out = ImageSizes.halving(src, 333, 139);
        assertEquals(333, out.getWidth());
        assertEquals(139, out.getHeight());
        assertTrue(src == ImageSizes.halving(src, 2400, 1000), "already that size");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageSizesTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name);
            byte[] bytes = in.readAllBytes();
            assertArrayEquals(new byte[] {'R', 'I', 'F', 'F'}, Arrays.copyOf(bytes, 4));
            return bytes;
        }
    }
}
