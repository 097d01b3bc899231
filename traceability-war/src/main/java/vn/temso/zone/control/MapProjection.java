package vn.temso.zone.control;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The map's projection: equirectangular, longitude scaled by the cosine of the mean latitude (shapes of a province
 * are not stretched; over a few degrees the error is far below a pixel of the drawing), fitted into a box of
 * {@link #WIDTH} units wide with y growing downwards. The height follows the area's shape, within
 * {@link #MIN_HEIGHT} and {@link #MAX_HEIGHT}.
 */
public record MapProjection(
        double minLon, double maxLat, double k, double scale, double offsetX, double offsetY, double height) {

    public static final double WIDTH = 1000;
    static final double MIN_HEIGHT = 320;
    static final double MAX_HEIGHT = 1000;
    static final double MARGIN = 24;
    /** Metres per degree of latitude on the WGS84-radius sphere. */
    static final double METRES_PER_DEGREE = Math.toRadians(1) * 6378137.0;
    /** A box smaller than this (degrees, about 100 m) is widened: one small field is not drawn page-high. */
    static final double MIN_EXTENT = 0.001;

    /** Fits lon/lat box {@code e} into the map. */
    public static MapProjection fit(Envelope e) {
        double k = Math.cos(Math.toRadians((e.getMinY() + e.getMaxY()) / 2));
        double cx = (e.getMinX() + e.getMaxX()) / 2;
        double cy = (e.getMinY() + e.getMaxY()) / 2;
        double w = Math.max(e.getWidth() * k, MIN_EXTENT);
        double h = Math.max(e.getHeight(), MIN_EXTENT);
        double inner = WIDTH - 2 * MARGIN;
        double height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, h * inner / w + 2 * MARGIN));
        double scale = Math.min(inner / w, (height - 2 * MARGIN) / h);
        double minLon = cx - WIDTH / 2 / scale / k;
        double maxLat = cy + height / 2 / scale;
        return new MapProjection(minLon, maxLat, k, scale, 0, 0, height);
    }

    public double x(double lon) {
        return offsetX + (lon - minLon) * k * scale;
    }

    public double y(double lat) {
        return offsetY + (maxLat - lat) * scale;
    }

    /** The inverse of {@link #x}. */
    public double lon(double x) {
        return (x - offsetX) / (k * scale) + minLon;
    }

    /** The inverse of {@link #y}. */
    public double lat(double y) {
        return maxLat - (y - offsetY) / scale;
    }

    /** Map units per metre on the ground. */
    public double unitsPerMetre() {
        return scale / METRES_PER_DEGREE;
    }

    /** The projection as a JTS transformation (x = longitude, y = latitude in; map units out). */
    public AffineTransformation transformation() {
        double sx = k * scale;
        return new AffineTransformation(sx, 0, offsetX - minLon * sx, 0, -scale, offsetY + maxLat * scale);
    }
}
