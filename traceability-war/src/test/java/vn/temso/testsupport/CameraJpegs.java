package vn.temso.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Photos as a phone camera writes them, for the tests: a JPEG made with ImageIO and an EXIF block (APP1 "Exif", a
 * big-endian TIFF) put in after its SOI marker, with an orientation tag and the GPS position of Bình Tịnh (10.5371 N,
 * 106.5122 E). One implementation, so every test makes its photos the same way.
 */
public final class CameraJpegs {

    public static final Color FIELD = new Color(40, 140, 60);
    public static final Color MARKER = new Color(220, 20, 20);

    private CameraJpegs() {}

    /** A {@code width} x {@code height} green JPEG with a red square (a fifth of the short side) at its top left. */
    public static byte[] marked(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(FIELD);
        g.fillRect(0, 0, width, height);
        g.setColor(MARKER);
        int side = Math.min(width, height) / 5;
        g.fillRect(0, 0, side, side);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JPEG with an EXIF block: the orientation tag unless {@code orientation} is 0, the GPS position if asked. */
    public static byte[] withExif(byte[] jpeg, int orientation, boolean gps) {
        int entries = (orientation == 0 ? 0 : 1) + (gps ? 1 : 0);
        int gpsAt = 8 + 2 + 12 * entries + 4;
        int rationalsAt = gpsAt + 2 + 4 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(rationalsAt + 48);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) entries);
        if (orientation != 0) {
            tiff.putShort((short) 0x0112)
                    .putShort((short) 3)
                    .putInt(1)
                    .putShort((short) orientation)
                    .putShort((short) 0);
        }
        if (gps) {
            tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
        }
        tiff.putInt(0);
        if (gps) {
            tiff.putShort((short) 4);
            tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
            tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(rationalsAt);
            tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
            tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(rationalsAt + 24);
            tiff.putInt(0);
            tiff.putInt(10).putInt(1).putInt(32).putInt(1).putInt(1336).putInt(100);
            tiff.putInt(106).putInt(1).putInt(30).putInt(1).putInt(4392).putInt(100);
        }
        byte[] t = Arrays.copyOf(tiff.array(), tiff.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        int length = 2 + 6 + t.length;
        out.write(
                new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0},
                0,
                10);
        out.write(t, 0, t.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A tiny PNG whose header claims {@code width} x {@code height} pixels: a decompression bomb, to be refused. */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] png = out.toByteArray();
        // signature (8), IHDR length (4), "IHDR" (4), width, height... and the chunk's CRC over type and data
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }
}
