package vn.temso.batch.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import vn.temso.platform.problem.Problems;

/**
 * A diary photo as stored: decoded (JPEG or PNG only, at most {@value #MAX_PIXELS} pixels, checked before decoding),
 * turned upright as its EXIF orientation says (phones store portrait photos sideways with a tag to turn them), scaled
 * so its longest side is at most {@value #LONGEST_SIDE} px, and written again as a JPEG. Writing it again keeps no
 * metadata of the upload (EXIF, orientation, GPS location, camera, comments), so nothing turns it a second time; the
 * location is read before, and kept as two numbers on the photo only when the user chose to keep it.
 */
final class PhotoImages {

    static final int LONGEST_SIDE = 1600;
    static final long MAX_PIXELS = 50_000_000L;
    static final String FIELD = "photo";
    /** How much more than the limit is read away before a 413, so that the client reads the answer. */
    static final long DRAIN = 64L * 1024 * 1024;

    private PhotoImages() {}

    /** The stored image and, when asked for and present, the location the camera wrote. */
    record Processed(byte[] jpeg, int width, int height, Exif.Location location) {}

    /**
     * The upload, at most {@code max} bytes. A larger one is a 413; the rest of it is read and dropped first (up to
     * {@value #DRAIN} bytes), since a server that answers while the client is still sending resets the connection,
     * and the client sees a broken pipe instead of the answer.
     */
    static byte[] read(InputStream in, long max) {
        try {
            byte[] upload = in.readNBytes((int) max + 1);
            if (upload.length > max) {
                drain(in);
                throw new Problems.PayloadTooLarge("A photo is at most " + max / (1024 * 1024) + " MB");
            }
            if (upload.length == 0) {
                throw new Problems.ValidationFailed(FIELD, "The photo is empty");
            }
            return upload;
        } catch (IOException x) {
            throw new Problems.ValidationFailed(FIELD, "The photo could not be read");
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long left = DRAIN;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }

    static Processed process(byte[] upload, boolean keepLocation) {
        BufferedImage image = decode(upload);
        int orientation = Exif.orientation(upload);
        boolean quarterTurn = orientation >= 5; // 5-8 swap width and height
        int w = quarterTurn ? image.getHeight() : image.getWidth();
        int h = quarterTurn ? image.getWidth() : image.getHeight();
        double scale = Math.min(1.0, (double) LONGEST_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        AffineTransform t = AffineTransform.getScaleInstance((double) tw / w, (double) th / h);
        t.concatenate(upright(orientation, image.getWidth(), image.getHeight()));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return new Processed(jpeg(out), tw, th, keepLocation ? Exif.location(upload) : null);
    }

    /**
     * Maps the stored pixels of a {@code w} x {@code h} image to how it is shown, for EXIF orientation 1-8 (x' = m00 x
     * + m01 y + m02, y' = m10 x + m11 y + m12).
     */
    static AffineTransform upright(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored left-right
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored top-bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // mirrored along the main diagonal
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turn a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // mirrored along the other diagonal
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // turn a quarter counter-clockwise
            default -> new AffineTransform();
        };
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new Problems.ValidationFailed(FIELD, "A photo is a JPEG or PNG image");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("jpeg") && !format.equals("png")) {
                    throw new Problems.ValidationFailed(FIELD, "A photo is a JPEG or PNG image");
                }
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new Problems.ValidationFailed(FIELD, "A photo has at most 50 million pixels");
                }
                // a photo far larger than stored is decoded at every n-th pixel: memory stays near the stored size
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / LONGEST_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Problems.ValidationFailed v) {
                throw v;
            }
            throw new Problems.ValidationFailed(FIELD, "The photo could not be read as a JPEG or PNG image");
        }
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
