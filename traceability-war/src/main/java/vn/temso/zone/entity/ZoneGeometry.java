package vn.temso.zone.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A zone outline: a GeoJSON (RFC 7946) Polygon or MultiPolygon in WGS84 lon/lat, validated the way a
 * mapping tool would (closed rings of at least 4 positions, coordinates in range, no self-intersection) and
 * measured on the sphere, so the declared area can be checked against the drawn one.
 */
public final class ZoneGeometry {

    /** WGS84 equatorial radius, as used by turf.js and geojson-area, so results agree with common tools. */
    private static final double EARTH_RADIUS_M = 6378137.0;
    static final int MAX_POSITIONS = 20_000;

    /** polygons → rings → positions (lon, lat); ring 0 of each polygon is the outer boundary. */
    private final List<List<double[][]>> polygons;

    private ZoneGeometry(List<List<double[][]>> polygons) {
        this.polygons = polygons;
    }

    public static ZoneGeometry parse(String geoJson) {
        JsonObject obj;
        try (JsonReader reader = Json.createReader(new StringReader(geoJson))) {
            JsonValue v = reader.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new GeometryException("geometry must be a GeoJSON object");
            }
            obj = v.asJsonObject();
        } catch (JsonException e) {
            throw new GeometryException("geometry is not valid JSON");
        }
        return fromJson(obj);
    }

    public static ZoneGeometry fromJson(JsonObject obj) {
        if (obj.containsKey("geometry") && "Feature".equals(obj.getString("type", ""))) {
            JsonValue g = obj.get("geometry");
            if (g.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new GeometryException("the Feature has no geometry");
            }
            obj = g.asJsonObject();
        }
        String type = obj.getString("type", "");
        JsonValue coords = obj.get("coordinates");
        if (coords == null || coords.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new GeometryException("geometry needs a coordinates array");
        }
        List<List<double[][]>> polygons = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        switch (type) {
            case "Polygon" -> polygons.add(polygon(coords.asJsonArray(), "coordinates", problems));
            case "MultiPolygon" -> {
                JsonArray arr = coords.asJsonArray();
                if (arr.isEmpty()) {
                    problems.add("a MultiPolygon needs at least one polygon");
                }
                for (int i = 0; i < arr.size(); i++) {
                    if (arr.get(i).getValueType() != JsonValue.ValueType.ARRAY) {
                        problems.add("coordinates[" + i + "] must be an array of rings");
                        continue;
                    }
                    polygons.add(polygon(arr.getJsonArray(i), "coordinates[" + i + "]", problems));
                }
            }
            default -> throw new GeometryException("geometry type must be Polygon or MultiPolygon (was '" + type + "')");
        }
        ZoneGeometry g = new ZoneGeometry(polygons);
        if (problems.isEmpty()) {
            g.checkTopology(problems);
        }
        if (!problems.isEmpty()) {
            throw new GeometryException(problems.size() > 10 ? problems.subList(0, 10) : problems);
        }
        return g;
    }

    /** Builds a geometry from rings given as lon/lat arrays (KML import); validated like GeoJSON. */
    public static ZoneGeometry ofPolygons(List<List<double[][]>> polygons) {
        JsonArrayBuilder multi = Json.createArrayBuilder();
        for (List<double[][]> poly : polygons) {
            multi.add(ringsJson(poly));
        }
        JsonObject obj = polygons.size() == 1
                ? Json.createObjectBuilder().add("type", "Polygon").add("coordinates", ringsJson(polygons.get(0))).build()
                : Json.createObjectBuilder().add("type", "MultiPolygon").add("coordinates", multi).build();
        return fromJson(obj);
    }

    private static List<double[][]> polygon(JsonArray rings, String path, List<String> problems) {
        List<double[][]> out = new ArrayList<>();
        if (rings.isEmpty()) {
            problems.add(path + ": a polygon needs an outer ring");
        }
        int total = 0;
        for (int r = 0; r < rings.size(); r++) {
            String rp = path + "[" + r + "]";
            if (rings.get(r).getValueType() != JsonValue.ValueType.ARRAY) {
                problems.add(rp + ": a ring must be an array of positions");
                continue;
            }
            JsonArray ring = rings.getJsonArray(r);
            total += ring.size();
            if (total > MAX_POSITIONS) {
                problems.add(path + ": more than " + MAX_POSITIONS + " positions");
                return out;
            }
            double[][] pts = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                pts[i] = position(ring.get(i), rp + "[" + i + "]", problems);
            }
            if (ring.size() < 4) {
                problems.add(rp + ": a ring needs at least 4 positions (3 corners and the first again)");
            } else if (pts[0] != null && pts[pts.length - 1] != null
                    && (pts[0][0] != pts[pts.length - 1][0] || pts[0][1] != pts[pts.length - 1][1])) {
                problems.add(rp + ": the ring is not closed (last position must equal the first)");
            }
            out.add(pts);
        }
        return out;
    }

    private static double[] position(JsonValue v, String path, List<String> problems) {
        if (v.getValueType() != JsonValue.ValueType.ARRAY || v.asJsonArray().size() < 2
                || v.asJsonArray().size() > 3
                || !v.asJsonArray().stream().allMatch(n -> n.getValueType() == JsonValue.ValueType.NUMBER)) {
            problems.add(path + ": a position is [longitude, latitude]");
            return null;
        }
        double lon = ((JsonNumber) v.asJsonArray().get(0)).doubleValue();
        double lat = ((JsonNumber) v.asJsonArray().get(1)).doubleValue();
        if (lon < -180 || lon > 180) {
            problems.add(path + ": longitude " + lon + " is outside -180..180");
        }
        if (lat < -90 || lat > 90) {
            problems.add(path + ": latitude " + lat + " is outside -90..90 (are longitude and latitude swapped?)");
        }
        return new double[] {lon, lat};
    }

    private void checkTopology(List<String> problems) {
        for (int p = 0; p < polygons.size(); p++) {
            List<double[][]> rings = polygons.get(p);
            for (int r = 0; r < rings.size(); r++) {
                if (selfIntersects(rings.get(r))) {
                    problems.add("polygon " + p + " ring " + r + " intersects itself");
                }
                if (Math.abs(ringArea(rings.get(r))) < 1e-6) {
                    problems.add("polygon " + p + " ring " + r + " has no area");
                }
                for (int s = r + 1; s < rings.size(); s++) {
                    if (ringsCross(rings.get(r), rings.get(s))) {
                        problems.add("polygon " + p + " rings " + r + " and " + s + " cross each other");
                    }
                }
            }
        }
    }

    static boolean selfIntersects(double[][] ring) {
        int n = ring.length - 1; // segments; the last position repeats the first
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean adjacent = j == i + 1 || (i == 0 && j == n - 1);
                if (adjacent) {
                    if (collinearOverlap(ring[i], ring[i + 1], ring[j], ring[j + 1])) {
                        return true;
                    }
                    continue;
                }
                if (segmentsIntersect(ring[i], ring[i + 1], ring[j], ring[j + 1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean ringsCross(double[][] a, double[][] b) {
        for (int i = 0; i < a.length - 1; i++) {
            for (int j = 0; j < b.length - 1; j++) {
                if (segmentsIntersect(a[i], a[i + 1], b[j], b[j + 1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static boolean onSegment(double[] p, double[] q, double[] r) {
        return Math.min(p[0], r[0]) <= q[0] && q[0] <= Math.max(p[0], r[0])
                && Math.min(p[1], r[1]) <= q[1] && q[1] <= Math.max(p[1], r[1]);
    }

    static boolean segmentsIntersect(double[] p1, double[] p2, double[] p3, double[] p4) {
        double d1 = cross(p3, p4, p1);
        double d2 = cross(p3, p4, p2);
        double d3 = cross(p1, p2, p3);
        double d4 = cross(p1, p2, p4);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && onSegment(p3, p1, p4)) || (d2 == 0 && onSegment(p3, p2, p4))
                || (d3 == 0 && onSegment(p1, p3, p2)) || (d4 == 0 && onSegment(p1, p4, p2));
    }

    /** Adjacent segments meet at one point; they are only wrong when they fold back over each other. */
    private static boolean collinearOverlap(double[] a1, double[] a2, double[] b1, double[] b2) {
        double[] shared;
        double[] aOther;
        double[] bOther;
        if (a2[0] == b1[0] && a2[1] == b1[1]) {
            shared = a2; aOther = a1; bOther = b2;
        } else if (a1[0] == b2[0] && a1[1] == b2[1]) {
            shared = a1; aOther = a2; bOther = b1;
        } else {
            return segmentsIntersect(a1, a2, b1, b2);
        }
        if (cross(shared, aOther, bOther) != 0) {
            return false;
        }
        // collinear: overlapping if both other ends lie on the same side of the shared point
        double dot = (aOther[0] - shared[0]) * (bOther[0] - shared[0]) + (aOther[1] - shared[1]) * (bOther[1] - shared[1]);
        return dot > 0;
    }

    /** Signed spherical area of a ring in m² (Chamberlain and Duquette, 2007). */
    static double ringArea(double[][] ring) {
        double sum = 0;
        for (int i = 0; i < ring.length - 1; i++) {
            double[] p1 = ring[i];
            double[] p2 = ring[i + 1];
            sum += Math.toRadians(p2[0] - p1[0]) * (2 + Math.sin(Math.toRadians(p1[1])) + Math.sin(Math.toRadians(p2[1])));
        }
        return sum * EARTH_RADIUS_M * EARTH_RADIUS_M / 2.0;
    }

    /** Area in hectares: outer rings minus holes. */
    public double areaHectares() {
        double m2 = 0;
        for (List<double[][]> rings : polygons) {
            m2 += Math.abs(ringArea(rings.get(0)));
            for (int r = 1; r < rings.size(); r++) {
                m2 -= Math.abs(ringArea(rings.get(r)));
            }
        }
        return m2 / 10_000.0;
    }

    /** [minLon, minLat, maxLon, maxLat] */
    public double[] bbox() {
        double[] b = {180, 90, -180, -90};
        for (List<double[][]> rings : polygons) {
            for (double[] p : rings.get(0)) {
                b[0] = Math.min(b[0], p[0]);
                b[1] = Math.min(b[1], p[1]);
                b[2] = Math.max(b[2], p[0]);
                b[3] = Math.max(b[3], p[1]);
            }
        }
        return b;
    }

    public List<List<double[][]>> polygons() {
        return polygons;
    }

    /** Canonical GeoJSON text, as stored. */
    public String toGeoJson() {
        if (polygons.size() == 1) {
            return Json.createObjectBuilder().add("type", "Polygon").add("coordinates", ringsJson(polygons.get(0)))
                    .build().toString();
        }
        JsonArrayBuilder multi = Json.createArrayBuilder();
        polygons.forEach(p -> multi.add(ringsJson(p)));
        return Json.createObjectBuilder().add("type", "MultiPolygon").add("coordinates", multi).build().toString();
    }

    private static JsonArrayBuilder ringsJson(List<double[][]> rings) {
        JsonArrayBuilder rs = Json.createArrayBuilder();
        for (double[][] ring : rings) {
            JsonArrayBuilder r = Json.createArrayBuilder();
            for (double[] p : ring) {
                r.add(Json.createArrayBuilder().add(p[0]).add(p[1]));
            }
            rs.add(r);
        }
        return rs;
    }

    /**
     * An SVG path of the outline fitted into a box of the given size (y grows downwards; longitude scaled by
     * cos(latitude) so shapes are not stretched). Used by the trace page and the web UI.
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
        for (List<double[][]> rings : polygons) {
            for (double[][] ring : rings) {
                for (int i = 0; i < ring.length - 1; i++) {
                    double x = ox + (ring[i][0] - b[0]) * k * scale;
                    double y = oy + (b[3] - ring[i][1]) * scale;
                    d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                }
                d.append('Z');
            }
        }
        return d.toString();
    }
}
