package vn.temso.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn by the page as inline SVG: the bars' places in a {@value #WIDTH} x {@value #HEIGHT} viewBox (the
 * SVG is then as wide as its box, so it reads at 360 px too), their values and labels already in the page's words.
 * Pure geometry: the page escapes every label as it writes it.
 */
public record BarChart(String id, String title, String summary, List<Bar> bars, List<String> headers) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    /** Room above the bars for the values, and below them for the labels. */
    static final int TOP = 18;

    static final int BOTTOM = 34;
    /** The widest a bar gets: a chart of one or two bars still looks like bars. */
    static final int MAX_BAR = 90;

    /** One bar: where it is, its label (empty when too crowded to show) and value as the page shows them. */
    public record Bar(
            String label, String shortLabel, String value, double x, double y, double w, double h, boolean showLabel) {

        /** Where the label's and the value's text is centred. */
        public double middle() {
            return x + w / 2;
        }
    }

    /** What one bar shows: its label in full and as short as under a bar, its value and the value in words. */
    public record Entry(String label, String shortLabel, double value, String shown) {}

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }

    /** The baseline the bars stand on. */
    public int getBase() {
        return HEIGHT - BOTTOM;
    }

    /**
     * Bars for the entries, as tall as their share of the largest value; at most about twelve labels are shown
     * under the bars (every n-th), all of them being in the table under the chart.
     */
    public static BarChart of(String id, String title, String summary, List<Entry> entries, List<String> headers) {
        double max = entries.stream().mapToDouble(Entry::value).max().orElse(0);
        int n = entries.size();
        double slot = n == 0 ? 0 : (double) WIDTH / n;
        double gap = Math.min(slot * 0.2, 8);
        int every = Math.max(1, (int) Math.ceil(n / 12.0));
        double room = (double) HEIGHT - TOP - BOTTOM;
        List<Bar> bars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            double w = Math.min(slot - gap, MAX_BAR);
            double h = max <= 0 ? 0 : round(room * e.value() / max);
            bars.add(new Bar(
                    e.label(),
                    e.shortLabel(),
                    e.shown(),
                    round(i * slot + (slot - w) / 2),
                    round(TOP + room - h),
                    round(w),
                    h,
                    i % every == 0));
        }
        return new BarChart(id, title, summary, bars, headers);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
