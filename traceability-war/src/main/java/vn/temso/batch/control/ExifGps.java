package vn.temso.batch.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the GPS position a camera wrote into a JPEG's EXIF block (APP1 "Exif", TIFF IFD0 → GPS IFD, tags 1-4), and
 * nothing else. Anything malformed means "no location": a photo is never refused for its metadata.
 */
final class ExifGps {

    private ExifGps() {}

    /** Degrees, south and west negative. */
    record Location(double latitude, double longitude) {}

    static Location read(byte[] jpeg) {
        try {
            return find(jpeg);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Location find(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
            return null;
        }
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xff) == 0xff) {
            int marker = b[i + 1] & 0xff;
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker == 0xe1
                    && length > 8
                    && b[i + 4] == 'E'
                    && b[i + 5] == 'x'
                    && b[i + 6] == 'i'
                    && b[i + 7] == 'f') {
                return tiff(ByteBuffer.wrap(b, i + 10, length - 8).slice());
            }
            if (marker == 0xda) {
                return null; // image data: no EXIF before it
            }
            i += 2 + length;
        }
        return null;
    }

    private static Location tiff(ByteBuffer t) {
        t.order(t.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd0 = t.getInt(4);
        int gps = -1;
        int n = t.getShort(ifd0) & 0xffff;
        for (int k = 0; k < n; k++) {
            int e = ifd0 + 2 + 12 * k;
            if ((t.getShort(e) & 0xffff) == 0x8825) {
                gps = t.getInt(e + 8);
            }
        }
        if (gps < 0) {
            return null;
        }
        char latRef = 'N';
        char lonRef = 'E';
        Double lat = null;
        Double lon = null;
        int m = t.getShort(gps) & 0xffff;
        for (int k = 0; k < m; k++) {
            int e = gps + 2 + 12 * k;
            int tag = t.getShort(e) & 0xffff;
            switch (tag) {
                case 1 -> latRef = (char) t.get(e + 8);
                case 2 -> lat = degrees(t, t.getInt(e + 8));
                case 3 -> lonRef = (char) t.get(e + 8);
                case 4 -> lon = degrees(t, t.getInt(e + 8));
                default -> {
                    // other GPS tags (altitude, time...) are not kept
                }
            }
        }
        if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return null;
        }
        return new Location(latRef == 'S' ? -lat : lat, lonRef == 'W' ? -lon : lon);
    }

    /** Three RATIONALs: degrees, minutes, seconds. */
    private static double degrees(ByteBuffer t, int at) {
        double d = rational(t, at);
        double min = rational(t, at + 8);
        double s = rational(t, at + 16);
        return d + min / 60 + s / 3600;
    }

    private static double rational(ByteBuffer t, int at) {
        long num = t.getInt(at) & 0xffffffffL;
        long den = t.getInt(at + 4) & 0xffffffffL;
        return den == 0 ? 0 : (double) num / den;
    }
}
