package vn.temso.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.TenantScope;
import vn.temso.platform.time.FarmTime;
import vn.temso.stats.control.Report;
import vn.temso.stats.control.Statistics;
import vn.temso.stats.control.StatsFilter;
import vn.temso.stats.control.StatsRange;
import vn.temso.stats.control.StatsTable;

/**
 * Counts, charts and report tables for the dashboard, filtered to what the signed-in user may see: the statistics of
 * {@code /api/stats} for the days the page's form asks for ({@code from}, {@code to}; the last 30 days by default).
 */
@Named
@RequestScoped
public class DashboardBean {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Inject
    Statistics statistics;

    @Inject
    Labels labels;

    @Inject
    UiSession ui;

    @Inject
    Clock clock;

    private Map<String, Long> counts;
    private StatsFilter filter;
    private boolean badRange;
    private List<BarChart> charts;
    private List<StatsTableView> tables;

    /** A report as the page shows it: caption, headers and cells in the page's words. */
    public record StatsTableView(String id, String caption, List<String> headers, List<List<String>> rows) {}

    /** A report's download links. */
    public record Download(String id, String name, String csv, String xlsx) {}

    @Transactional
    public Map<String, Long> getCounts() {
        if (counts == null) {
            counts = new HashMap<>();
            counts.put("zones", count("SELECT COUNT(z) FROM MaterialZone z WHERE ", "z.cooperative"));
            counts.put("batches", count("SELECT COUNT(b) FROM Batch b WHERE ", "b.cooperative"));
            counts.put("stamps", count("SELECT COUNT(s) FROM Stamp s WHERE ", "s.batch.cooperative"));
            counts.put(
                    "scans",
                    count("SELECT COUNT(c) FROM Scan c, Stamp s WHERE c.stampId = s.id AND ", "s.batch.cooperative"));
            counts.put(
                    "suspicious",
                    count("SELECT COUNT(s) FROM Stamp s WHERE s.flaggedAt IS NOT NULL AND ", "s.batch.cooperative"));
            counts.put(
                    "reports",
                    count("SELECT COUNT(r) FROM BuyerReport r, Cooperative c WHERE r.cooperativeId = c.id AND ", "c"));
        }
        return counts;
    }

    private long count(String jpql, String coopPath) {
        Map<String, Object> params = new HashMap<>();
        var q = em.createQuery(jpql + TenantScope.condition(current.require(), coopPath, params));
        params.forEach(q::setParameter);
        Object r = q.getSingleResult();
        return r == null ? 0 : ((Number) r).longValue();
    }

    /** The days shown: the form's, or the default when they were missing or wrong ({@link #isBadRange}). */
    public StatsFilter getFilter() {
        if (filter == null) {
            StatsRange range;
            try {
                range = StatsRange.parse(Ui.param("from"), Ui.param("to"), FarmTime.today(clock));
            } catch (ProblemException e) {
                badRange = true;
                range = StatsRange.parse(null, null, FarmTime.today(clock));
            }
            filter = new StatsFilter(range);
        }
        return filter;
    }

    public boolean isBadRange() {
        getFilter();
        return badRange;
    }

    /** Scans per day, OCOP products by stars, declared zone area by crop. */
    public List<BarChart> getCharts() {
        if (charts == null) {
            StatsFilter f = getFilter();
            StatsTable scans = statistics.table(Report.SCANS_PER_DAY, f);
            StatsTable stars = statistics.table(Report.OCOP_BY_STARS, f);
            StatsTable crops = statistics.table(Report.ZONES_BY_CROP, f);
            charts = List.of(
                    chart(
                            "chart-scans",
                            Ui.text("stats.chart.scans"),
                            scans,
                            r -> labels.date((LocalDate) r.get(0)),
                            r -> ((LocalDate) r.get(0)).format(SHORT_DAY)),
                    chart(
                            "chart-stars",
                            Ui.text("stats.chart.stars"),
                            stars,
                            r -> r.get(0) + " ★",
                            r -> r.get(0) + "★"),
                    chart(
                            "chart-crops",
                            Ui.text("stats.chart.crops"),
                            crops,
                            r -> r.get(0).toString(),
                            r -> abbreviate(r.get(0).toString())));
        }
        return charts;
    }

    /** Tables without a chart: alerts, scans per product, OCOP ending soon; per commune for commune staff and admins. */
    public List<StatsTableView> getTables() {
        if (tables == null) {
            List<Report> shown = new ArrayList<>(List.of(
                    Report.ALERTS,
                    Report.SCANS_PER_PRODUCT,
                    Report.STAMPS_ISSUED_SCANNED,
                    Report.OCOP_EXPIRING,
                    Report.ZONES_BY_STATUS));
            if (ui.isAdmin() || ui.isStaff() || ui.isDigitalTeam()) {
                shown.addAll(List.of(Report.OCOP_BY_COMMUNE, Report.COOPERATIVES_TRACED));
            }
            tables = shown.stream()
                    .map(r -> view(statistics.table(r, getFilter())))
                    .toList();
        }
        return tables;
    }

    /** Every report as CSV and .xlsx for the days shown. */
    public List<Download> getDownloads() {
        StatsRange r = getFilter().range();
        String query = "?from=" + r.from() + "&to=" + r.to();
        return Arrays.stream(Report.values())
                .map(rep -> new Download(
                        rep.id(),
                        Ui.text("stats.report." + rep.id()),
                        "/app/stats/" + rep.id() + ".csv" + query,
                        "/app/stats/" + rep.id() + ".xlsx" + query))
                .toList();
    }

    private StatsTableView view(StatsTable t) {
        List<String> headers = t.report().columns().stream()
                .map(c -> Ui.text("stats.col." + c.id()))
                .toList();
        List<List<String>> rows = t.rows().stream()
                .map(r -> {
                    List<String> cells = new ArrayList<>(r.size());
                    for (int i = 0; i < r.size(); i++) {
                        cells.add(cell(t.report().columns().get(i), r.get(i)));
                    }
                    return cells;
                })
                .toList();
        return new StatsTableView(
                t.report().id(), Ui.text("stats.report." + t.report().id()), headers, rows);
    }

    private String cell(Report.Column column, Object v) {
        if (column.codes() != null) {
            return labels.of(Labels.type(column.codes()), v);
        }
        if (v instanceof Number n) {
            return labels.number(n);
        }
        return v instanceof LocalDate d ? labels.date(d) : String.valueOf(v);
    }

    /** A chart of a two-or-more-column report: label from the row, value its second column (a count or an area). */
    private BarChart chart(
            String id,
            String title,
            StatsTable t,
            Function<List<Object>, String> label,
            Function<List<Object>, String> shortLabel) {
        List<BarChart.Entry> entries = new ArrayList<>();
        double total = 0;
        double max = 0;
        int valueColumn = t.report() == Report.ZONES_BY_CROP ? 2 : 1;
        for (List<Object> r : t.rows()) {
            double v = ((Number) r.get(valueColumn)).doubleValue();
            total += v;
            max = Math.max(max, v);
            entries.add(new BarChart.Entry(
                    label.apply(r), shortLabel.apply(r), v, labels.number((Number) r.get(valueColumn))));
        }
        String summary = java.text.MessageFormat.format(
                Ui.text("stats.chart.summary"), title, labels.number(total), labels.number(max));
        StatsTableView v = view(t);
        return BarChart.of(
                id,
                title,
                summary,
                entries,
                List.of(v.headers().get(0), v.headers().get(valueColumn)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 10 ? s : s.substring(0, 9) + "…";
    }

    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("dd/MM");
}
