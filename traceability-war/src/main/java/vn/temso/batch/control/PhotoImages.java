package vn.temso.batch.control;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import vn.temso.platform.problem.Problems;

/**
 * A diary photo as stored: decoded (JPEG or PNG only, at most {@value #MAX_PIXELS} pixels, checked before decoding),
 * scaled so its longest side is at most {@value #LONGEST_SIDE} px, and written again as a JPEG. Writing it again
 * keeps no metadata of the upload (EXIF, GPS location, camera, comments); the location is read before, and kept as
 * two numbers on the photo only when the user chose to keep it.
 */
final class PhotoImages {

    static final int LONGEST_SIDE = 1600;
    static final long MAX_PIXELS = 50_000_000L;
    static final String FIELD = "photo";

    private PhotoImages() {}

    /** The stored image and, when asked for and present, the location the camera wrote. */
    record Processed(byte[] jpeg, int width, int height, ExifGps.Location location) {}

    static Processed process(byte[] upload, boolean keepLocation) {
        BufferedImage image = decode(upload);
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) LONGEST_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return new Processed(jpeg(out), tw, th, keepLocation ? ExifGps.read(upload) : null);
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
                return reader.read(0);
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
