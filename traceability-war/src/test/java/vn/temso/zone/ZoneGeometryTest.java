package vn.temso.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.temso.zone.entity.GeometryException;
import vn.temso.zone.entity.KmlImport;
import vn.temso.zone.entity.ZoneGeometry;

class ZoneGeometryTest {

    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[106.5122,10.5371],[106.5272,10.5371],"
            + "[106.5272,10.5491],[106.5122,10.5491],[106.5122,10.5371]]]}";

    @Test
    void shouldMeasureAreaOnTheSphere() {
        // 0.015° × 0.012° at 10.54°N: 1,641.9 m × 1,335.8 m on the WGS84-radius sphere ≈ 219.3 ha
        assertEquals(219.3, ZoneGeometry.parse(SQUARE).areaHectares(), 0.2);
    }

    @Test
    void shouldSubtractHolesAndAddPolygonsOfAMultiPolygon() {
        String withHole =
                "{\"type\":\"Polygon\",\"coordinates\":[[[106.0,10.0],[106.02,10.0],[106.02,10.02],[106.0,10.02],[106.0,10.0]],"
                        + "[[106.005,10.005],[106.015,10.005],[106.015,10.015],[106.005,10.015],[106.005,10.005]]]}";
        double outer = ZoneGeometry.parse(
                        "{\"type\":\"Polygon\",\"coordinates\":[[[106.0,10.0],[106.02,10.0],[106.02,10.02],[106.0,10.02],[106.0,10.0]]]}")
                .areaHectares();
        assertEquals(outer * 0.75, ZoneGeometry.parse(withHole).areaHectares(), outer * 0.01);
        String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":["
                + SQUARE.substring(SQUARE.indexOf("[[["), SQUARE.length() - 1) + ","
                + SQUARE.substring(SQUARE.indexOf("[[["), SQUARE.length() - 1).replace("106.5", "106.6") + "]}";
        assertEquals(2 * 219.3, ZoneGeometry.parse(multi).areaHectares(), 0.5);
    }

    @Test
    void shouldRejectOpenShortSwappedAndSelfIntersectingRings() {
        assertTrue(fails("{\"type\":\"Polygon\",\"coordinates\":[[[106,10],[106.1,10],[106.1,10.1],[106,10.1]]]}")
                .contains("not closed"));
        assertTrue(fails("{\"type\":\"Polygon\",\"coordinates\":[[[106,10],[106.1,10],[106,10]]]}")
                .contains("at least 4"));
        assertTrue(fails("{\"type\":\"Polygon\",\"coordinates\":[[[10,106],[10.1,106],[10.1,106.1],[10,106]]]}")
                .contains("latitude"));
        assertTrue(
                fails("{\"type\":\"Polygon\",\"coordinates\":[[[106,10],[106.1,10.1],[106.1,10],[106,10.1],[106,10]]]}")
                        .contains("intersects itself"));
        assertTrue(fails("{\"type\":\"Point\",\"coordinates\":[106,10]}").contains("Polygon or MultiPolygon"));
        assertTrue(
                fails("{\"type\":\"Polygon\",\"coordinates\":[[[106,10],[106.1,10],[106.2,10],[106,10]]]}")
                        .contains("intersects itself"),
                "a flat ring folds back on itself");
        assertTrue(fails("not json").contains("not valid JSON"));
    }

    @Test
    void shouldReadKmlPolygonsAndRefuseEntities() {
        String kml =
                "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>"
                        + "106.5122,10.5371,0 106.5272,10.5371,0 106.5272,10.5491,0 106.5122,10.5491,0 106.5122,10.5371,0"
                        + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>";
        assertEquals(219.3, KmlImport.read(kml).areaHectares(), 0.2);
        assertThrows(
                GeometryException.class,
                () -> KmlImport.read("<!DOCTYPE k [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><kml>&x;</kml>"));
    }

    @Test
    void shouldDrawAnSvgOutlineInsideItsBox() {
        String d = ZoneGeometry.parse(SQUARE).svgPath(200, 120, 10);
        assertTrue(d.startsWith("M") && d.endsWith("Z"), d);
        for (String n : d.replaceAll("[MLZ]", " ").trim().split("\\s+")) {
            double v = Double.parseDouble(n);
            assertTrue(v >= 0 && v <= 200, d);
        }
    }

    private static String fails(String json) {
        return assertThrows(GeometryException.class, () -> ZoneGeometry.parse(json))
                .getMessage();
    }
}
