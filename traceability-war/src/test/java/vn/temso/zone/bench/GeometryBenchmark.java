package vn.temso.zone.bench;

import java.util.Arrays;
import java.util.Locale;
import vn.temso.zone.entity.GeometryException;
import vn.temso.zone.entity.ZoneGeometry;

/**
 * Validation time of big zone outlines, today's JTS path against the pairwise self-intersection check it replaced
 * (kept here only, for the ratio). Run by bench/geometry.sh; figures go to docs/performance.md.
 */
public final class GeometryBenchmark {

    public static void main(String[] args) {
        System.out.println(
                "positions | read JSON | validate (structure + JTS IsValidOp) | area | display copy | total now | pairwise check before | before / now");
        for (int n : new int[] {2_000, 9_999, 20_000}) {
            String json = polygon(n);
            double[][] ring = ring(n);
            jakarta.json.JsonObject obj = jakarta.json.Json.createReader(new java.io.StringReader(json))
                    .readObject();
            double read = median(
                    () -> jakarta.json.Json.createReader(new java.io.StringReader(json))
                            .readObject(),
                    9);
            boolean capped = n + 1 > ZoneGeometry.MAX_VERTICES;
            double validate = median(
                    () -> {
                        try {
                            ZoneGeometry.fromJson(obj);
                        } catch (GeometryException e) {
                            if (e.reason() != GeometryException.Reason.TOO_MANY_VERTICES) {
                                throw e;
                            }
                        }
                    },
                    9);
            ZoneGeometry g = capped ? null : ZoneGeometry.fromJson(obj);
            double area = capped ? 0 : median(g::areaHectares, 9);
            double display = capped ? 0 : median(g::display, 9);
            double now = read + validate + area + display;
            double old = median(
                    () -> {
                        if (LegacyCheck.selfIntersects(ring)) {
                            throw new AssertionError("the circle is simple");
                        }
                    },
                    n >= 9_999 ? 3 : 5);
            System.out.printf(
                    Locale.ROOT,
                    "%6d | %7.1f ms | %7.1f ms%s | %5.1f ms | %5.1f ms | %7.1f ms | %8.1f ms | %5.1f%n",
                    n + 1,
                    read,
                    validate,
                    capped ? " (refused: over the cap)" : "",
                    area,
                    display,
                    now,
                    old + read,
                    (old + read) / now);
        }
    }

    private static double median(Runnable r, int runs) {
        r.run(); // warm-up
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    static double[][] ring(int n) {
        double[][] pts = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            pts[i] = new double[] {106.5 + 0.0046 * Math.cos(a), 10.5 + 0.0045 * Math.sin(a)};
        }
        return pts;
    }

    static String polygon(int n) {
        StringBuilder s = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        double[][] pts = ring(n);
        for (int i = 0; i < pts.length; i++) {
            s.append(i == 0 ? "" : ",")
                    .append('[')
                    .append(pts[i][0])
                    .append(',')
                    .append(pts[i][1])
                    .append(']');
        }
        return s.append("]]}").toString();
    }

    /** The self-intersection check of ZoneGeometry before issue 12, unchanged: every segment against every other. */
    static final class LegacyCheck {
        static boolean selfIntersects(double[][] ring) {
            int n = ring.length - 1;
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

        private static double cross(double[] o, double[] a, double[] b) {
            return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
        }

        private static boolean onSegment(double[] p, double[] q, double[] r) {
            return Math.min(p[0], r[0]) <= q[0]
                    && q[0] <= Math.max(p[0], r[0])
                    && Math.min(p[1], r[1]) <= q[1]
                    && q[1] <= Math.max(p[1], r[1]);
        }

        static boolean segmentsIntersect(double[] p1, double[] p2, double[] p3, double[] p4) {
            double d1 = cross(p3, p4, p1);
            double d2 = cross(p3, p4, p2);
            double d3 = cross(p1, p2, p3);
            double d4 = cross(p1, p2, p4);
            if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
                return true;
            }
            return (d1 == 0 && onSegment(p3, p1, p4))
                    || (d2 == 0 && onSegment(p3, p2, p4))
                    || (d3 == 0 && onSegment(p1, p3, p2))
                    || (d4 == 0 && onSegment(p1, p4, p2));
        }

        private static boolean collinearOverlap(double[] a1, double[] a2, double[] b1, double[] b2) {
            double[] shared;
            double[] aOther;
            double[] bOther;
            if (a2[0] == b1[0] && a2[1] == b1[1]) {
                shared = a2;
                aOther = a1;
                bOther = b2;
            } else if (a1[0] == b2[0] && a1[1] == b2[1]) {
                shared = a1;
                aOther = a2;
                bOther = b1;
            } else {
                return segmentsIntersect(a1, a2, b1, b2);
            }
            if (cross(shared, aOther, bOther) != 0) {
                return false;
            }
            double dot = (aOther[0] - shared[0]) * (bOther[0] - shared[0])
                    + (aOther[1] - shared[1]) * (bOther[1] - shared[1]);
            return dot > 0;
        }
    }
}
