package vn.temso.stats.boundary;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.temso.stats.control.Report;
import vn.temso.stats.control.StatsTable;

/**
 * A report as JSON: its name, the days it covers ({@code ofToday} when it shows today's state and ignores them), the
 * column ids, and one object per row keyed by them (codes as codes, days ISO).
 */
public record StatsView(
        String report,
        LocalDate from,
        LocalDate to,
        boolean ofToday,
        List<String> columns,
        List<Map<String, Object>> rows) {

    static StatsView of(StatsTable t) {
        List<String> columns =
                t.report().columns().stream().map(Report.Column::id).toList();
        List<Map<String, Object>> rows = t.rows().stream()
                .map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        Object v = r.get(i);
                        m.put(columns.get(i), v instanceof Enum<?> e ? e.name() : v);
                    }
                    return m;
                })
                .toList();
        return new StatsView(
                t.report().id(),
                t.filter().range().from(),
                t.filter().range().to(),
                !t.report().ranged(),
                columns,
                rows);
    }
}
