package vn.temso.batch.control;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads the two things a camera writes into a photo's EXIF block that the server uses: the orientation (tag 0x0112)
 * and the GPS position, through metadata-extractor (maintained and fuzzed against hostile files). Uploads are
 * untrusted: anything malformed or truncated means "upright" and "no location"; a photo is never refused for its
 * metadata.
 */
final class Exif {

    /** Stored pixels are upright: no turn, no mirror. */
    static final int UPRIGHT = 1;

    private Exif() {}

    /** Degrees, south and west negative. */
    record Location(double latitude, double longitude) {}

    /** The EXIF orientation (1-8: how to turn and mirror the stored pixels to show them), {@link #UPRIGHT} if none. */
    static int orientation(byte[] photo) {
        Metadata m = read(photo);
        ExifIFD0Directory ifd0 = m == null ? null : m.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 == null || !ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            return UPRIGHT;
        }
        try {
            int value = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return value >= 1 && value <= 8 ? value : UPRIGHT;
        } catch (MetadataException e) {
            return UPRIGHT;
        }
    }

    static Location location(byte[] photo) {
        Metadata m = read(photo);
        GpsDirectory gps = m == null ? null : m.getFirstDirectoryOfType(GpsDirectory.class);
        GeoLocation at = gps == null ? null : gps.getGeoLocation();
        return at == null || at.isZero() ? null : new Location(at.getLatitude(), at.getLongitude());
    }

    private static Metadata read(byte[] photo) {
        try {
            return ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo), photo.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return null; // not a format it knows, or damaged: no metadata to use
        }
    }
}
