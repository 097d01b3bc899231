package vn.temso.zone.entity;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import vn.temso.platform.text.JsonShape;

/**
 * A zone outline: a GeoJSON (RFC 7946) Polygon or MultiPolygon in WGS84 lon/lat, held as a JTS geometry.
 * Structure (closed rings of at least 4 finite positions in range, a total vertex cap, nesting no deeper than
 * the type needs) is checked while reading, so hostile input costs linear time and never reaches JTS; topology
 * (self-intersection, holes outside their shell...) is JTS's {@link IsValidOp}, which nodes the rings with a
 * spatial index (n log n; the hand-written pairwise check it replaced took ~2 s for 20,000 vertices).
 * Area is measured on the WGS84-radius sphere, so the declared area can be checked against the drawn one.
 */
public final class ZoneGeometry {

    /** WGS84 equatorial radius, as used by turf.js and geojson-area, so results agree with common tools. */
    static final double EARTH_RADIUS_M = 6378137.0;
    /** Positions of all rings of all polygons together (the closing position counts); a surveyed field has hundreds. */
    public static final int MAX_VERTICES = 10_000;

    public static final int MAX_POLYGONS = 500;
    public static final int MAX_RINGS = 1_000;
    /** GeoJSON or KML text; the API's kml field has the same bound. */
    public static final int MAX_TEXT_CHARS = 2_000_000;
    /** Feature → geometry → 4 levels of MultiPolygon arrays, plus room for nested Feature properties. */
    static final int MAX_DEPTH = 20;
    /** The outline stored for display (trace page, zone pages, lists) keeps at most this many positions. */
    public static final int MAX_DISPLAY_VERTICES = 500;
    /** Display simplification starts at 1 m, far below what a 320 px drawing of a field shows. */
    static final double DISPLAY_TOLERANCE_M = 1.0;
    /** The box the stored SVG path is drawn in (the trace page and the zone page scale it with viewBox). */
    public static final int SVG_WIDTH = 320;

    public static final int SVG_HEIGHT = 200;
    static final int SVG_MARGIN = 8;
    private static final int MAX_PROBLEMS = 10;
    /** 17 significant digits say all a double can; room for signs, point and exponent. */
    static final int MAX_NUMBER_CHARS = 40;

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    /** A Polygon or MultiPolygon in lon/lat. */
    private final Geometry geometry;

    private ZoneGeometry(Geometry geometry) {
        this.geometry = geometry;
    }

    /** Reads and validates GeoJSON text (Polygon, MultiPolygon, or a Feature holding one). */
    public static ZoneGeometry parse(String geoJson) {
        return fromJson(readObject(geoJson, MAX_TEXT_CHARS));
    }

    /** Validates a GeoJSON object already read (the geometry field of a zone request). */
    public static ZoneGeometry fromJson(JsonObject obj) {
        Reading in = new Reading(MAX_VERTICES);
        return in.validated(of(in.polygonsOf(obj)));
    }

    /** Builds a geometry from rings given as lon/lat arrays (KML import); validated like GeoJSON. */
    public static ZoneGeometry ofPolygons(List<List<double[][]>> polygons) {
        Reading in = new Reading(MAX_VERTICES);
        if (polygons.size() > MAX_POLYGONS) {
            in.fail(GeometryException.Reason.TOO_MANY_POLYGONS, "more than " + MAX_POLYGONS + " polygons");
        }
        int total = 0;
        for (int p = 0; p < polygons.size(); p++) {
            for (int r = 0; r < polygons.get(p).size(); r++) {
                double[][] ring = polygons.get(p).get(r);
                total += ring.length;
                in.countRings(1);
                if (total > MAX_VERTICES) {
                    in.tooManyVertices();
                }
                for (int i = 0; i < ring.length; i++) {
                    double lon = ring[i][0];
                    double lat = ring[i][1];
                    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) { // NaN fails every comparison
                        in.checkRange(lon, lat, "polygon " + p + " ring " + r + " position " + i);
                    }
                }
                in.checkRing(ring, "polygon " + p + " ring " + r);
            }
        }
        in.throwIfAny();
        return in.validated(of(polygons));
    }

    /**
     * Reads an outline stored by an earlier version without the caps or the topology check (it was validated by
     * the rules of its day, which allowed up to 20,000 positions per polygon): only to draw it.
     */
    public static ZoneGeometry stored(String geoJson) {
        Reading in = new Reading(Integer.MAX_VALUE);
        in.lenient = true;
        return of(in.polygonsOf(readObject(geoJson, Integer.MAX_VALUE)));
    }

    private static JsonObject readObject(String text, int maxChars) {
        if (text == null || text.isBlank()) {
            throw new GeometryException(GeometryException.Reason.NOT_READABLE, "geometry is empty");
        }
        if (text.length() > maxChars) {
            throw new GeometryException(
                    GeometryException.Reason.TOO_LARGE, "geometry is longer than " + maxChars + " characters");
        }
        checkDepth(text);
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new GeometryException(GeometryException.Reason.WRONG_TYPE, "geometry must be a GeoJSON object");
            }
            return v.asJsonObject();
        } catch (GeometryException e) {
            throw e;
        } catch (RuntimeException e) { // JsonException, or a number the parser cannot hold: the client's text
            throw new GeometryException(GeometryException.Reason.NOT_READABLE, "geometry is not valid JSON");
        }
    }

    /**
     * One linear pass over the text before any parser builds a tree from it: deep nesting never recurses, and no
     * number is long enough to make reading it costly (big-number parsing is quadratic in the digits).
     */
    static void checkDepth(String text) {
        JsonShape.Shape shape = JsonShape.measure(text, MAX_DEPTH, MAX_NUMBER_CHARS);
        if (shape.longestNumber() > MAX_NUMBER_CHARS) {
            throw new GeometryException(
                    GeometryException.Reason.MALFORMED,
                    "geometry has a number longer than " + MAX_NUMBER_CHARS + " characters");
        }
        if (shape.depth() > MAX_DEPTH) {
            throw new GeometryException(
                    GeometryException.Reason.TOO_DEEP,
                    "geometry nests arrays or objects more" + " than " + MAX_DEPTH
                            + " levels deep (a MultiPolygon needs 4 levels of arrays)");
        }
    }

    private static ZoneGeometry of(List<List<double[][]>> polygons) {
        Polygon[] ps = new Polygon[polygons.size()];
        for (int p = 0; p < ps.length; p++) {
            List<double[][]> rings = polygons.get(p);
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int r = 1; r < rings.size(); r++) {
                holes[r - 1] = ring(rings.get(r));
            }
            ps[p] = FACTORY.createPolygon(ring(rings.get(0)), holes);
        }
        return new ZoneGeometry(ps.length == 1 ? ps[0] : FACTORY.createMultiPolygon(ps));
    }

    private static LinearRing ring(double[][] pts) {
        Coordinate[] cs = new Coordinate[pts.length];
        for (int i = 0; i < pts.length; i++) {
            cs[i] = new Coordinate(pts[i][0], pts[i][1]);
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) { // only stored outlines get here unchecked; close them to draw them
            cs = java.util.Arrays.copyOf(cs, cs.length + 1);
            cs[cs.length - 1] = cs[0].copy();
        }
        return FACTORY.createLinearRing(cs);
    }

    /** The JTS geometry (Polygon or MultiPolygon, x = longitude, y = latitude); a copy, so callers cannot change it. */
    public Geometry jts() {
        return geometry.copy();
    }

    /** Number of positions of all rings, closing positions included. */
    public int vertexCount() {
        return geometry.getNumPoints();
    }

    /**
     * Area in hectares, outer rings minus holes, on the sphere: the rings projected with the Lambert cylindrical
     * equal-area projection (x = Rλ, y = R sin φ) and measured by JTS. Its planar area is exactly the spherical
     * trapezoid sum of Chamberlain and Duquette (2007) used before (and by turf.js and geojson-area).
     */
    public double areaHectares() {
        Geometry g = geometry.copy();
        g.apply(new Project(c -> {
            c.x = Math.toRadians(c.x) * EARTH_RADIUS_M;
            c.y = Math.sin(Math.toRadians(c.y)) * EARTH_RADIUS_M;
        }));
        return g.getArea() / 10_000.0;
    }

    /**
     * The outline to draw: simplified topology-preservingly at 1 m (in a local metric projection), then at
     * doubling tolerances until it has at most {@link #MAX_DISPLAY_VERTICES} positions. Many tiny polygons cannot
     * be simplified without dropping some, so the last resort is Douglas-Peucker, which may drop them.
     */
    public ZoneGeometry display() {
        if (geometry.getNumPoints() <= MAX_DISPLAY_VERTICES) {
            return this;
        }
        Envelope e = geometry.getEnvelopeInternal();
        double k = Math.cos(Math.toRadians((e.getMinY() + e.getMaxY()) / 2));
        double m = Math.toRadians(1) * EARTH_RADIUS_M; // metres per degree of latitude
        Geometry metric = geometry.copy();
        metric.apply(new Project(c -> {
            c.x = c.x * m * k;
            c.y = c.y * m;
        }));
        double extent = Math.max(e.getWidth() * m * k, e.getHeight() * m) + 1;
        Geometry simple = metric;
        boolean topology = true;
        for (double tol = DISPLAY_TOLERANCE_M; simple.getNumPoints() > MAX_DISPLAY_VERTICES; tol *= 2) {
            if (tol > extent) { // rings cannot get fewer than 4 positions: drop the smallest
                if (!topology) {
                    break;
                }
                topology = false;
                tol = DISPLAY_TOLERANCE_M;
            }
            try {
                simple = topology
                        ? TopologyPreservingSimplifier.simplify(metric, tol)
                        : DouglasPeuckerSimplifier.simplify(metric, tol);
            } catch (RuntimeException ex) { // stored outlines are not checked; draw them the robust way
                topology = false;
                simple = DouglasPeuckerSimplifier.simplify(metric, tol);
            }
        }
        if (simple.isEmpty()
                || !(simple instanceof Polygon || simple instanceof org.locationtech.jts.geom.MultiPolygon)) {
            simple = metric.getEnvelope(); // all of it collapsed at once: draw the extent rather than nothing
        }
        Geometry back = simple.copy();
        back.apply(new Project(c -> {
            c.x = Math.round(c.x / (m * k) * 1e6) / 1e6; // 6 decimals: 0.1 m, plenty for a drawing
            c.y = Math.round(c.y / m * 1e6) / 1e6;
        }));
        return new ZoneGeometry(back);
    }

    /** [minLon, minLat, maxLon, maxLat] */
    public double[] bbox() {
        Envelope e = geometry.getEnvelopeInternal();
        return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }

    /** Canonical GeoJSON text, as stored. */
    public String toGeoJson() {
        if (geometry instanceof Polygon p) {
            return JSON.createObjectBuilder()
                    .add("type", "Polygon")
                    .add("coordinates", ringsJson(p))
                    .build()
                    .toString();
        }
        JsonArrayBuilder multi = JSON.createArrayBuilder();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            multi.add(ringsJson((Polygon) geometry.getGeometryN(i)));
        }
        return JSON.createObjectBuilder()
                .add("type", "MultiPolygon")
                .add("coordinates", multi)
                .build()
                .toString();
    }

    private static JsonArrayBuilder ringsJson(Polygon p) {
        JsonArrayBuilder rs = JSON.createArrayBuilder();
        rs.add(ringJson(p.getExteriorRing()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rs.add(ringJson(p.getInteriorRingN(i)));
        }
        return rs;
    }

    private static JsonArrayBuilder ringJson(LinearRing ring) {
        JsonArrayBuilder r = JSON.createArrayBuilder();
        CoordinateSequence cs = ring.getCoordinateSequence();
        for (int i = 0; i < cs.size(); i++) {
            r.add(JSON.createArrayBuilder().add(cs.getX(i)).add(cs.getY(i)));
        }
        return r;
    }

    /**
     * An SVG path of the outline fitted into a box of the given size (y grows downwards; longitude scaled by
     * cos(latitude) so shapes are not stretched). Call it on {@link #display()}: it draws every position.
     */
    public String svgPath(double width, double height, double margin) {
        double[] b = bbox();
        double k = Math.cos(Math.toRadians((b[1] + b[3]) / 2));
        double w = Math.max((b[2] - b[0]) * k, 1e-9);
        double h = Math.max(b[3] - b[1], 1e-9);
        double scale = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h);
        double ox = (width - w * scale) / 2;
        double oy = (height - h * scale) / 2;
        StringBuilder d = new StringBuilder();
        for (int g = 0; g < geometry.getNumGeometries(); g++) {
            Polygon p = (Polygon) geometry.getGeometryN(g);
            for (int r = 0; r <= p.getNumInteriorRing(); r++) {
                CoordinateSequence ring =
                        (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinateSequence();
                for (int i = 0; i < ring.size() - 1; i++) {
                    double x = ox + (ring.getX(i) - b[0]) * k * scale;
                    double y = oy + (b[3] - ring.getY(i)) * scale;
                    d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                }
                d.append('Z');
            }
        }
        return d.toString();
    }

    /** The SVG path stored for display, in the {@link #SVG_WIDTH} × {@link #SVG_HEIGHT} box. */
    public String svgPath() {
        return svgPath(SVG_WIDTH, SVG_HEIGHT, SVG_MARGIN);
    }

    /** Applies a coordinate change in place (projections to metres and back). */
    private record Project(java.util.function.Consumer<Coordinate> change) implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            Coordinate c = seq.getCoordinateCopy(i);
            change.accept(c);
            seq.setOrdinate(i, 0, c.x);
            seq.setOrdinate(i, 1, c.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }

    /** State of one read: the vertex budget and the problems found so far (reading stops at the tenth). */
    private static final class Reading {
        private final int maxVertices;
        private final List<String> problems = new ArrayList<>();
        private GeometryException.Reason first;
        private int vertices;
        private int rings;
        boolean lenient;

        Reading(int maxVertices) {
            this.maxVertices = maxVertices;
        }

        void problem(GeometryException.Reason reason, String message) {
            if (lenient) {
                throw new GeometryException(reason, message);
            }
            if (first == null) {
                first = reason;
            }
            problems.add(message);
            if (problems.size() >= MAX_PROBLEMS) {
                throwIfAny();
            }
        }

        /** A problem that makes reading on pointless (or costly). */
        void fail(GeometryException.Reason reason, String message) {
            problem(reason, message);
            throwIfAny();
        }

        void tooManyVertices() {
            fail(
                    GeometryException.Reason.TOO_MANY_VERTICES,
                    "the outline has more than " + MAX_VERTICES
                            + " positions in all (all rings of all polygons); simplify it in the mapping tool (e.g. to 1 m)");
        }

        void countRings(int n) {
            rings += n;
            if (rings > MAX_RINGS) {
                fail(
                        GeometryException.Reason.TOO_MANY_POLYGONS,
                        "the outline has more than " + MAX_RINGS + " rings in all");
            }
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new GeometryException(first, problems);
            }
        }

        List<List<double[][]>> polygonsOf(JsonObject obj) {
            if ("Feature".equals(string(obj, "type"))) {
                JsonValue g = obj.get("geometry");
                if (g == null || g.getValueType() != JsonValue.ValueType.OBJECT) {
                    fail(GeometryException.Reason.WRONG_TYPE, "the Feature has no geometry");
                }
                obj = g.asJsonObject();
            }
            String type = string(obj, "type");
            JsonValue coords = obj.get("coordinates");
            if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
                fail(
                        GeometryException.Reason.WRONG_TYPE,
                        "geometry type must be Polygon or MultiPolygon (was '"
                                + (type.length() > 40 ? type.substring(0, 40) : type) + "')");
            }
            if (coords == null || coords.getValueType() != JsonValue.ValueType.ARRAY) {
                fail(GeometryException.Reason.MALFORMED, "geometry needs a coordinates array");
            }
            List<List<double[][]>> polygons = new ArrayList<>();
            if ("Polygon".equals(type)) {
                polygons.add(polygon(coords.asJsonArray(), "coordinates"));
            } else {
                JsonArray arr = coords.asJsonArray();
                if (arr.isEmpty()) {
                    fail(GeometryException.Reason.MALFORMED, "a MultiPolygon needs at least one polygon");
                }
                if (arr.size() > MAX_POLYGONS && !lenient) {
                    fail(GeometryException.Reason.TOO_MANY_POLYGONS, "more than " + MAX_POLYGONS + " polygons");
                }
                for (int i = 0; i < arr.size(); i++) {
                    if (arr.get(i).getValueType() != JsonValue.ValueType.ARRAY) {
                        problem(GeometryException.Reason.MALFORMED, "coordinates[" + i + "] must be an array of rings");
                        continue;
                    }
                    polygons.add(polygon(arr.getJsonArray(i), "coordinates[" + i + "]"));
                }
            }
            throwIfAny();
            return polygons;
        }

        private static String string(JsonObject obj, String key) {
            JsonValue v = obj.get(key);
            return v instanceof jakarta.json.JsonString s ? s.getString() : "";
        }

        private List<double[][]> polygon(JsonArray rings, String path) {
            List<double[][]> out = new ArrayList<>();
            if (rings.isEmpty()) {
                problem(GeometryException.Reason.MALFORMED, path + ": a polygon needs an outer ring");
            }
            if (!lenient) {
                countRings(rings.size());
            }
            for (int r = 0; r < rings.size(); r++) {
                String rp = path + "[" + r + "]";
                if (rings.get(r).getValueType() != JsonValue.ValueType.ARRAY) {
                    problem(GeometryException.Reason.MALFORMED, rp + ": a ring must be an array of positions");
                    continue;
                }
                JsonArray ring = rings.getJsonArray(r);
                vertices += ring.size();
                if (vertices > maxVertices) {
                    tooManyVertices();
                }
                double[][] pts = new double[ring.size()][];
                boolean complete = true;
                for (int i = 0; i < ring.size(); i++) {
                    pts[i] = position(ring.get(i), rp, i);
                    complete &= pts[i] != null;
                }
                if (complete) {
                    checkRing(pts, rp);
                    out.add(pts);
                }
            }
            return out;
        }

        void checkRing(double[][] pts, String where) {
            if (pts.length < 4) {
                problem(
                        GeometryException.Reason.TOO_FEW_POINTS,
                        where + ": a ring needs at least 4 positions (3 corners and the first again)");
            } else if (pts[0][0] != pts[pts.length - 1][0] || pts[0][1] != pts[pts.length - 1][1]) {
                if (!lenient) {
                    problem(
                            GeometryException.Reason.RING_NOT_CLOSED,
                            where + ": the ring is not closed (last position must equal the first)");
                }
            }
        }

        /** Hot path (once per position): no streams, and the position's path is only built for a problem. */
        private double[] position(JsonValue v, String ringPath, int i) {
            JsonArray a = v.getValueType() == JsonValue.ValueType.ARRAY ? v.asJsonArray() : null;
            if (a == null
                    || a.size() < 2
                    || a.size() > 3
                    || !(a.get(0) instanceof JsonNumber lonValue)
                    || !(a.get(1) instanceof JsonNumber latValue)
                    || a.size() == 3 && a.get(2).getValueType() != JsonValue.ValueType.NUMBER) {
                problem(
                        GeometryException.Reason.MALFORMED,
                        ringPath + "[" + i + "]: a position is [longitude, latitude]");
                return null;
            }
            double lon = lonValue.doubleValue();
            double lat = latValue.doubleValue();
            if (Double.isFinite(lon) && Double.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
                return new double[] {lon, lat};
            }
            checkRange(lon, lat, ringPath + "[" + i + "]");
            return null;
        }

        /** NaN fails every comparison, so finiteness is checked first (KML text can say NaN or Infinity). */
        boolean checkRange(double lon, double lat, String path) {
            boolean ok = true;
            if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
                problem(
                        GeometryException.Reason.COORDINATE_OUT_OF_RANGE,
                        path + ": longitude " + lon + " is not a number in -180..180");
                ok = false;
            }
            if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
                problem(
                        GeometryException.Reason.COORDINATE_OUT_OF_RANGE,
                        path + ": latitude " + lat
                                + " is not a number in -90..90 (are longitude and latitude swapped?)");
                ok = false;
            }
            return ok;
        }

        /** JTS's validity check, its error named in words with where it is, then no polygon without area. */
        ZoneGeometry validated(ZoneGeometry g) {
            TopologyValidationError err = new IsValidOp(g.geometry).getValidationError();
            if (err != null) {
                Coordinate c = err.getCoordinate();
                String at =
                        c == null ? "" : String.format(Locale.ROOT, " near longitude %.6f, latitude %.6f", c.x, c.y);
                GeometryException.Reason reason = switch (err.getErrorType()) {
                    case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                        GeometryException.Reason.SELF_INTERSECTION;
                    case TopologyValidationError.HOLE_OUTSIDE_SHELL -> GeometryException.Reason.HOLE_OUTSIDE_SHELL;
                    case TopologyValidationError.NESTED_HOLES -> GeometryException.Reason.NESTED_HOLES;
                    case TopologyValidationError.DISCONNECTED_INTERIOR ->
                        GeometryException.Reason.DISCONNECTED_INTERIOR;
                    case TopologyValidationError.NESTED_SHELLS -> GeometryException.Reason.NESTED_SHELLS;
                    case TopologyValidationError.DUPLICATE_RINGS -> GeometryException.Reason.DUPLICATE_RINGS;
                    case TopologyValidationError.TOO_FEW_POINTS -> GeometryException.Reason.TOO_FEW_POINTS;
                    case TopologyValidationError.RING_NOT_CLOSED -> GeometryException.Reason.RING_NOT_CLOSED;
                    case TopologyValidationError.INVALID_COORDINATE -> GeometryException.Reason.COORDINATE_OUT_OF_RANGE;
                    default -> GeometryException.Reason.INVALID;
                };
                String what = switch (reason) {
                    case SELF_INTERSECTION -> "the outline intersects itself (edges cross or touch)";
                    case HOLE_OUTSIDE_SHELL -> "a hole lies outside the outer ring of its polygon";
                    case NESTED_HOLES -> "a hole lies inside another hole";
                    case DISCONNECTED_INTERIOR -> "the holes cut the polygon into separate pieces";
                    case NESTED_SHELLS -> "one polygon of the MultiPolygon lies inside another";
                    case DUPLICATE_RINGS -> "two rings are the same";
                    case TOO_FEW_POINTS -> "a ring has fewer than 3 distinct corners";
                    case RING_NOT_CLOSED -> "a ring is not closed";
                    case COORDINATE_OUT_OF_RANGE -> "a coordinate is not a number";
                    default -> "the outline is not a valid polygon (" + err.getMessage() + ")";
                };
                fail(reason, what + at);
            }
            for (int i = 0; i < g.geometry.getNumGeometries(); i++) {
                if (g.geometry.getGeometryN(i).getArea() == 0) {
                    problem(GeometryException.Reason.NO_AREA, "polygon " + i + " has no area");
                }
            }
            throwIfAny();
            return g;
        }
    }
}
