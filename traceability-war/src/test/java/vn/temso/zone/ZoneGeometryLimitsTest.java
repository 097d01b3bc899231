package vn.temso.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.temso.testsupport.Outlines.circle;
import static vn.temso.testsupport.Outlines.polygon;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.temso.zone.entity.GeometryException;
import vn.temso.zone.entity.KmlImport;
import vn.temso.zone.entity.ZoneGeometry;

/** Issue 12, findings 4 and 5: outlines that cost CPU or crash the parser are refused up front, with a reason. */
class ZoneGeometryLimitsTest {

    /** A closed ring of n distinct corners on a circle of ~500 m around (lon, lat), as GeoJSON coordinates. */
    @Test
    void shouldRefuseARingOfTwentyThousandVerticesForTheTotalCapBeforeAnyTopologyWork() {
        GeometryException e =
                assertThrows(GeometryException.class, () -> ZoneGeometry.parse(polygon(circle(20_000, 106.5, 10.5))));
        assertEquals(GeometryException.Reason.TOO_MANY_VERTICES, e.reason());
        assertTrue(e.getMessage().contains("10000"), e.getMessage());
    }

    @Test
    void shouldValidateARingAtTheCapWithJts() {
        ZoneGeometry g = ZoneGeometry.parse(polygon(circle(ZoneGeometry.MAX_VERTICES - 1, 106.5, 10.5)));
        assertEquals(ZoneGeometry.MAX_VERTICES, g.jts().getNumPoints());
        assertTrue(g.jts().isValid());
        // π·r² with r ≈ 500 m ≈ 78.5 ha, as the spherical formula gives
        assertEquals(Math.PI * 503.9 * 497.4 / 10_000, g.areaHectares(), 0.5);
    }

    @Test
    void shouldRefuseABowTieNamingTheProblemAndWhere() {
        GeometryException e = assertThrows(
                GeometryException.class,
                () -> ZoneGeometry.parse(
                        polygon("[[106.0,10.0],[106.01,10.01],[106.01,10.0],[106.0,10.01],[106.0,10.0]]")));
        assertEquals(GeometryException.Reason.SELF_INTERSECTION, e.reason());
        assertTrue(
                e.getMessage().contains("intersects itself") && e.getMessage().contains("106.005"), e.getMessage());
    }

    @Test
    void shouldRefuseAHoleOutsideItsShell() {
        GeometryException e = assertThrows(
                GeometryException.class,
                () -> ZoneGeometry.parse(polygon(
                        "[[106.0,10.0],[106.01,10.0],[106.01,10.01],[106.0,10.01],[106.0,10.0]]",
                        "[[106.1,10.1],[106.11,10.1],[106.11,10.11],[106.1,10.11],[106.1,10.1]]")));
        assertEquals(GeometryException.Reason.HOLE_OUTSIDE_SHELL, e.reason());
        assertTrue(e.getMessage().contains("hole"), e.getMessage());
    }

    @Test
    void shouldRefuseNonFiniteAndOutOfRangeNumbers() {
        for (String bad : new String[] {"1e400", "-1e400", "1e308", "180.0000001"}) {
            GeometryException e = assertThrows(
                    GeometryException.class,
                    () -> ZoneGeometry.parse(polygon(
                            "[[" + bad + ",10.0],[106.01,10.0],[106.01,10.01],[106.0,10.01],[" + bad + ",10.0]]")),
                    bad);
            assertEquals(GeometryException.Reason.COORDINATE_OUT_OF_RANGE, e.reason(), bad);
        }
        for (String bad : new String[] {"NaN,NaN", "Infinity,10", "106,-Infinity", "1e999,10"}) {
            String kml = "<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>" + bad
                    + " 106.01,10 106.01,10.01 106,10.01 " + bad
                    + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>";
            GeometryException e = assertThrows(GeometryException.class, () -> KmlImport.read(kml), bad);
            assertEquals(GeometryException.Reason.COORDINATE_OUT_OF_RANGE, e.reason(), bad);
        }
    }

    @Test
    void shouldCapTheVerticesOfAllPolygonsTogether() {
        StringBuilder multi = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int p = 0; p < 3; p++) {
            multi.append(p == 0 ? "" : ",")
                    .append('[')
                    .append(circle(4_000, 106.0 + p * 0.1, 10.5))
                    .append(']');
        }
        GeometryException e = assertThrows(GeometryException.class, () -> ZoneGeometry.parse(multi + "]}"));
        assertEquals(GeometryException.Reason.TOO_MANY_VERTICES, e.reason());
    }

    @Test
    void shouldCapAKmlFileOfThousandsOfPolygons() {
        StringBuilder kml = new StringBuilder("<kml><Document>");
        for (int i = 0; i < 3_000; i++) {
            double x = 106.0 + (i % 100) * 0.01;
            double y = 10.0 + (i / 100) * 0.01;
            kml.append(String.format(
                    Locale.ROOT,
                    "<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>"
                            + "%1$.3f,%2$.3f %3$.3f,%2$.3f %3$.3f,%4$.3f %1$.3f,%4$.3f %1$.3f,%2$.3f"
                            + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>",
                    x,
                    y,
                    x + 0.005,
                    y + 0.005));
        }
        GeometryException e = assertThrows(GeometryException.class, () -> KmlImport.read(kml + "</Document></kml>"));
        assertTrue(
                e.reason() == GeometryException.Reason.TOO_MANY_VERTICES
                        || e.reason() == GeometryException.Reason.TOO_MANY_POLYGONS,
                e.getMessage());
    }

    @Test
    void shouldRefuseDeepNestingWithoutBlowingTheStack() {
        String deep = "{\"type\":\"Polygon\",\"coordinates\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertEquals(
                GeometryException.Reason.TOO_DEEP,
                assertThrows(GeometryException.class, () -> ZoneGeometry.parse(deep))
                        .reason());
        String longNumber =
                polygon("[[106." + "1".repeat(100_000) + ",10.0],[106.01,10.0],[106.01,10.01],[106.0,10.0]]");
        assertEquals(
                GeometryException.Reason.MALFORMED,
                assertThrows(GeometryException.class, () -> ZoneGeometry.parse(longNumber))
                        .reason());
        String extraLevel =
                "{\"type\":\"Polygon\",\"coordinates\":[[[[106.0,10.0]],[[106.01,10.0]],[[106.01,10.01]],[[106.0,10.0]]]]}";
        assertThrows(GeometryException.class, () -> ZoneGeometry.parse(extraLevel));
    }

    @Test
    void shouldRefuseXmlEntitiesAndDtdsInKml() {
        GeometryException bomb = assertThrows(
                GeometryException.class,
                () -> KmlImport.read("<?xml version=\"1.0\"?>"
                        + "<!DOCTYPE kml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                        + "<kml><Placemark><name>&b;</name></Placemark></kml>"));
        assertEquals(GeometryException.Reason.NOT_READABLE, bomb.reason());
    }
}
