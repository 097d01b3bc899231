package vn.temso.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.temso.testsupport.Outlines;
import vn.temso.zone.entity.ZoneGeometry;

/** The simplified outline stored for display, and the area kept exactly as the spherical formula gave it. */
class ZoneDisplayOutlineTest {

    @Test
    void shouldSimplifyABigOutlineToAFewHundredPositionsThatStillLookTheSame() {
        ZoneGeometry full =
                ZoneGeometry.parse(Outlines.polygon(Outlines.circle(ZoneGeometry.MAX_VERTICES - 1, 106.5, 10.5)));
        ZoneGeometry display = full.display();
        assertTrue(display.vertexCount() <= ZoneGeometry.MAX_DISPLAY_VERTICES, "" + display.vertexCount());
        assertTrue(display.vertexCount() >= 20, "still a circle: " + display.vertexCount());
        assertTrue(display.jts().isValid());
        assertEquals(full.areaHectares(), display.areaHectares(), full.areaHectares() * 0.01);
        String svg = display.svgPath();
        assertTrue(svg.length() < 8000, "fits the outline_svg column: " + svg.length());
        for (String n : svg.replaceAll("[MLZ]", " ").trim().split("\\s+")) {
            double v = Double.parseDouble(n);
            assertTrue(v >= 0 && v <= ZoneGeometry.SVG_WIDTH, svg);
        }
    }

    @Test
    void shouldKeepASmallOutlineAsItIs() {
        ZoneGeometry square = ZoneGeometry.parse(ZoneGeometryTest.SQUARE);
        assertEquals(square.toGeoJson(), square.display().toGeoJson());
    }

    @Test
    void shouldDrawManySmallPolygonsWithinTheDisplayCap() {
        StringBuilder multi = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int i = 0; i < 400; i++) {
            double x = 106.0 + (i % 20) * 0.01;
            double y = 10.0 + (i / 20) * 0.01;
            multi.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "[[[%1$.3f,%2$.3f],[%3$.3f,%2$.3f],[%3$.3f,%4$.3f],[%1$.3f,%4$.3f],[%1$.3f,%2$.3f]]]",
                            x,
                            y,
                            x + 0.004,
                            y + 0.004));
        }
        ZoneGeometry g = ZoneGeometry.parse(multi + "]}");
        assertEquals(2_000, g.vertexCount());
        ZoneGeometry display = g.display();
        assertTrue(display.vertexCount() <= ZoneGeometry.MAX_DISPLAY_VERTICES, "" + display.vertexCount());
        assertFalse(display.svgPath().isEmpty());
    }

    @Test
    void shouldReadAnOutlineStoredUnderTheOldRulesToDrawIt() {
        ZoneGeometry old = ZoneGeometry.stored(Outlines.polygon(Outlines.circle(20_000, 106.5, 10.5)));
        assertEquals(20_001, old.vertexCount());
        assertTrue(old.display().vertexCount() <= ZoneGeometry.MAX_DISPLAY_VERTICES);
    }

    /** The formula of the code before JTS (Chamberlain and Duquette 2007), the reference for the area. */
    static double oldHectares(double[][][] rings) {
        double m2 = 0;
        for (int r = 0; r < rings.length; r++) {
            double sum = 0;
            for (int i = 0; i < rings[r].length - 1; i++) {
                double[] p1 = rings[r][i];
                double[] p2 = rings[r][i + 1];
                sum += Math.toRadians(p2[0] - p1[0])
                        * (2 + Math.sin(Math.toRadians(p1[1])) + Math.sin(Math.toRadians(p2[1])));
            }
            double a = Math.abs(sum * 6378137.0 * 6378137.0 / 2.0);
            m2 += r == 0 ? a : -a;
        }
        return m2 / 10_000.0;
    }

    @Test
    void shouldMeasureTheSameAreaAsBeforeToTheStoredPrecision() {
        double[][][] withHole = {
            {{106.0, 10.0}, {106.02, 10.0}, {106.03, 10.015}, {106.02, 10.02}, {106.0, 10.02}, {106.0, 10.0}},
            {{106.005, 10.005}, {106.015, 10.005}, {106.015, 10.015}, {106.005, 10.015}, {106.005, 10.005}}
        };
        StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[");
        for (int r = 0; r < withHole.length; r++) {
            json.append(r == 0 ? "[" : ",[");
            for (int i = 0; i < withHole[r].length; i++) {
                json.append(i == 0 ? "" : ",")
                        .append('[')
                        .append(withHole[r][i][0])
                        .append(',')
                        .append(withHole[r][i][1])
                        .append(']');
            }
            json.append(']');
        }
        double now = ZoneGeometry.parse(json + "]}").areaHectares();
        assertEquals(oldHectares(withHole), now, 0.00005, "same to the 4 decimals stored in computed_area_ha");
        // a big ring far from the equator and the prime meridian, where rounding would show first
        double[][] ring = new double[2_001][];
        for (int i = 0; i <= 2_000; i++) {
            double a = 2 * Math.PI * (i % 2_000) / 2_000;
            ring[i] = new double[] {179.5 + 0.3 * Math.cos(a), 65.0 + 0.2 * Math.sin(a)};
        }
        StringBuilder big = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < ring.length; i++) {
            big.append(i == 0 ? "" : ",")
                    .append('[')
                    .append(ring[i][0])
                    .append(',')
                    .append(ring[i][1])
                    .append(']');
        }
        assertEquals(
                oldHectares(new double[][][] {ring}),
                ZoneGeometry.parse(big + "]]}").areaHectares(),
                0.00005);
    }
}
