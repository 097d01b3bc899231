package vn.temso.testsupport;

import java.util.Locale;

/** Zone outlines for tests, as GeoJSON text. */
public final class Outlines {

    private Outlines() {}

    /** n corners on a ~500 m circle, closed: a ring of n + 1 positions. */
    public static String circle(int n, double lon, double lat) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            s.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT, "[%.8f,%.8f]", lon + 0.0046 * Math.cos(a), lat + 0.0045 * Math.sin(a)));
        }
        return s.append(']').toString();
    }

    /** A GeoJSON Polygon of the given rings. */
    public static String polygon(String... rings) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + String.join(",", rings) + "]}";
    }
}
