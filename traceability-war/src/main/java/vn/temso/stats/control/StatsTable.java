package vn.temso.stats.control;

import java.util.List;

/**
 * One report's answer: its rows, each a value per column of the report (counts as Long, areas as BigDecimal, days as
 * LocalDate, codes as enum constants, names as String; never null: a missing name is "").
 */
public record StatsTable(Report report, StatsFilter filter, List<List<Object>> rows) {

    public StatsTable {
        rows = List.copyOf(rows);
    }
}
