package vn.temso.product.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import vn.temso.product.control.ImageRefused.Rule;

/**
 * Checks an uploaded product image and makes the JPEG sizes that are served ({@link #SIZES}, longest side in px).
 *
 * <p>PNG and JPEG are accepted. WebP is recognised and refused with its own rule: the JDK reads no WebP, and the
 * one maintained pure-Java reader we tried (TwelveMonkeys imageio-webp 3.12 and 3.14) decoded cwebp's default lossy
 * output with wrong colours, which would publish a wrong picture on every marketplace (docs/api.md).
 *
 * <p>The format is sniffed from the bytes (the Content-Type is the client's claim, not a fact). The dimensions are
 * read from the header before anything is decoded, so a small file that claims a huge image (a decompression bomb)
 * is refused without allocating it; a large image is decoded at every n-th pixel, so memory stays near the largest
 * size served. Each size is drawn on white (transparent pixels become white, as marketplaces show them) into an sRGB
 * image, scaled down by halves (never up), and written as a new JPEG: no metadata of the upload (EXIF, GPS position,
 * camera, comments, ICC profile) is in anything served.
 */
public final class ImageSizes {

    /** The sizes served, largest first: {@code /images/<id>/<px>.jpg}. The largest is the product's imageUrl. */
    public static final List<Integer> SIZES = List.of(1200, 600, 300);
    /** Meta's minimum for catalogue images (Google's is 100 × 100), on both sides. */
    public static final int MIN_SIDE = 500;
    /** Decompression bombs: more than this many pixels, or a side longer than {@link #MAX_SIDE}, is refused. */
    public static final long MAX_PIXELS = 40_000_000L;

    public static final int MAX_SIDE = 10_000;
    private static final float QUALITY = 0.86f;

    private ImageSizes() {}

    /** The formats recognised by what the bytes say they are (WebP only to be refused by name). */
    public enum Format {
        PNG("image/png"),
        JPEG("image/jpeg"),
        WEBP("image/webp");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /**
     * A checked image and its sizes.
     *
     * @param jpegs the JPEG of each of {@link #SIZES}, by that size (the image's own size when smaller)
     */
    public record Prepared(Format format, int width, int height, Map<Integer, byte[]> jpegs) {}

    /** What the bytes are, from their first bytes, or null when no accepted format. */
    public static Format sniff(byte[] b) {
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == '\r'
                && b[5] == '\n'
                && b[6] == 0x1a
                && b[7] == '\n') {
            return Format.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Format.JPEG;
        }
        if (b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Format.WEBP;
        }
        return null;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks an upload and makes its sizes.
     *
     * @param minimum whether the {@link #MIN_SIDE} rule applies: it does to uploads, not to images stored by earlier
     *     versions, which are served as well as they can be
     * @throws ImageRefused naming the rule broken
     */
    public static Prepared prepare(byte[] upload, boolean minimum) {
        if (upload.length == 0) {
            throw new ImageRefused(Rule.EMPTY, "The image is empty");
        }
        Format format = sniff(upload);
        if (format == null) {
            throw new ImageRefused(
                    Rule.NOT_AN_IMAGE, "The file is not a PNG or JPEG image (whatever its Content-Type says)");
        }
        if (format == Format.WEBP) {
            throw new ImageRefused(Rule.WEBP, "WebP images are not accepted: save the image as JPEG or PNG");
        }
        BufferedImage decoded;
        int width;
        int height;
        ImageReader reader = reader(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            width = reader.getWidth(0);
            height = reader.getHeight(0);
            checkDimensions(width, height, minimum);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / SIZES.get(0));
            param.setSourceSubsampling(step, step, 0, 0);
            decoded = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRefused refused) {
                throw refused;
            }
            throw new ImageRefused(
                    Rule.UNREADABLE, "The " + format.name() + " image could not be read (damaged or unsupported)");
        } finally {
            reader.dispose();
        }
        return new Prepared(format, width, height, sizes(decoded, width, height));
    }

    /** The header's dimensions against the bomb limits and, for uploads, the marketplaces' minimum. */
    static void checkDimensions(int width, int height, boolean minimum) {
        if (width <= 0 || height <= 0) {
            throw new ImageRefused(Rule.UNREADABLE, "The image has no pixels");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new ImageRefused(
                    Rule.TOO_MANY_PIXELS,
                    "The image is " + width + " × " + height + " px: at most " + MAX_SIDE + " px a side and "
                            + MAX_PIXELS / 1_000_000 + " megapixels",
                    width,
                    height,
                    MAX_SIDE,
                    MAX_PIXELS / 1_000_000);
        }
        if (minimum && (width < MIN_SIDE || height < MIN_SIDE)) {
            throw new ImageRefused(
                    Rule.TOO_SMALL,
                    "The image is " + width + " × " + height + " px: marketplaces need at least " + MIN_SIDE + " × "
                            + MIN_SIDE + " px (Meta)",
                    width,
                    height,
                    MIN_SIDE);
        }
    }

    /** A reader of that format only: the bytes decide which decoder runs, never a registry's guess. */
    private static ImageReader reader(Format format) {
        return ImageIO.getImageReadersByFormatName(format == Format.PNG ? "png" : "jpeg")
                .next();
    }

    /** The sizes of a decoded image whose full size is {@code width} × {@code height}, largest first. */
    static Map<Integer, byte[]> sizes(BufferedImage decoded, int width, int height) {
        Map<Integer, byte[]> jpegs = new LinkedHashMap<>();
        BufferedImage previous = null;
        for (int longest : SIZES) {
            double scale = Math.min(1.0, (double) longest / Math.max(width, height));
            int w = Math.max(1, (int) Math.round(width * scale));
            int h = Math.max(1, (int) Math.round(height * scale));
            BufferedImage sized = previous == null ? onWhite(decoded, w, h) : halving(previous, w, h);
            jpegs.put(longest, jpeg(sized));
            previous = sized;
        }
        return jpegs;
    }

    /** The image drawn on white into an sRGB image of {@code w} × {@code h} (Java2D converts its colour space). */
    private static BufferedImage onWhite(BufferedImage source, int w, int h) {
        BufferedImage flat = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return halving(flat, w, h);
    }

    /**
     * Scales down by halves, then to the exact size: one bilinear step from far larger skips pixels and looks
     * grainy, halving averages them all. An image already that size is returned as it is.
     */
    static BufferedImage halving(BufferedImage source, int w, int h) {
        BufferedImage current = source;
        while (current.getWidth() != w || current.getHeight() != h) {
            int nw = Math.max(w, current.getWidth() / 2);
            int nh = Math.max(h, current.getHeight() / 2);
            if (nw >= current.getWidth() && nh >= current.getHeight()) {
                nw = w; // never up: the target is at most the source
                nh = h;
            }
            BufferedImage next = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, nw, nh, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
        return current;
    }

    /** A baseline JPEG with no metadata but the JFIF header. */
    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam quality = writer.getDefaultWriteParam();
            quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            quality.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), quality);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
