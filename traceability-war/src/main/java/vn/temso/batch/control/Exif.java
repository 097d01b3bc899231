package vn.temso.batch.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the two things a camera writes into a JPEG's EXIF block (APP1 "Exif", TIFF IFD0) that the server uses: the
 * orientation (tag 0x0112) and the GPS position (GPS IFD, tags 1-4). Uploads are untrusted: every offset is checked by
 * the buffer, so anything malformed or truncated means "upright" and "no location"; a photo is never refused for its
 * metadata.
 */
final class Exif {

    /** Stored pixels are upright: no turn, no mirror. */
    static final int UPRIGHT = 1;

    private static final int ORIENTATION = 0x0112;
    private static final int GPS_IFD = 0x8825;

    private Exif() {}

    /** Degrees, south and west negative. */
    record Location(double latitude, double longitude) {}

    /** The EXIF orientation (1-8: how to turn and mirror the stored pixels to show them), {@link #UPRIGHT} if none. */
    static int orientation(byte[] jpeg) {
        try {
            ByteBuffer t = tiff(jpeg);
            int at = t == null ? -1 : entry(t, t.getInt(4), ORIENTATION);
            int value = at < 0 ? UPRIGHT : t.getShort(at + 8) & 0xffff;
            return value >= 1 && value <= 8 ? value : UPRIGHT;
        } catch (RuntimeException e) {
            return UPRIGHT;
        }
    }

    static Location location(byte[] jpeg) {
        try {
            ByteBuffer t = tiff(jpeg);
            return t == null ? null : gps(t);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The TIFF block of the first APP1 "Exif" segment before the image data, in its byte order; null if none. */
    private static ByteBuffer tiff(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
            return null;
        }
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xff) == 0xff) {
            int marker = b[i + 1] & 0xff;
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker == 0xe1
                    && length > 8
                    && i + 10 <= b.length
                    && b[i + 4] == 'E'
                    && b[i + 5] == 'x'
                    && b[i + 6] == 'i'
                    && b[i + 7] == 'f') {
                // a segment cut short by the end of the file keeps what is there
                ByteBuffer t = ByteBuffer.wrap(b, i + 10, Math.min(length - 8, b.length - i - 10))
                        .slice();
                t.order(t.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                return t;
            }
            if (marker == 0xda) {
                return null; // image data: no EXIF before it
            }
            i += 2 + length;
        }
        return null;
    }

    /** Where the IFD at {@code ifd} holds {@code tag}, or -1. */
    private static int entry(ByteBuffer t, int ifd, int tag) {
        int n = t.getShort(ifd) & 0xffff;
        for (int k = 0; k < n; k++) {
            int e = ifd + 2 + 12 * k;
            if ((t.getShort(e) & 0xffff) == tag) {
                return e;
            }
        }
        return -1;
    }

    private static Location gps(ByteBuffer t) {
        int pointer = entry(t, t.getInt(4), GPS_IFD);
        if (pointer < 0) {
            return null;
        }
        int gps = t.getInt(pointer + 8);
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
