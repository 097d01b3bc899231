package vn.temso.stats.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Params;
import vn.temso.platform.time.FarmTime;

/**
 * The days a report counts: Vietnamese calendar days {@code from} to {@code to}, both included. Without {@code to} it
 * ends today (Vietnam); without {@code from} it covers the {@value #DEFAULT_DAYS} days up to {@code to}. At most
 * {@value #MAX_DAYS} days (a year, leap or not); a reversed or longer range is a 400.
 */
public record StatsRange(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    public StatsRange {
        if (from.isAfter(to)) {
            throw new Problems.ValidationFailed("from", "from (" + from + ") must not be after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new Problems.ValidationFailed(
                    "to", "A report covers at most " + MAX_DAYS + " days: from " + from + " to " + to + " is more");
        }
    }

    /** The range of the query parameters (ISO dates such as 2026-11-22), defaults as above. */
    public static StatsRange parse(String from, String to, LocalDate today) {
        LocalDate t = Params.date("to", to);
        LocalDate f = Params.date("from", from);
        if (t == null) {
            t = today;
        }
        if (f == null) {
            f = t.minusDays(DEFAULT_DAYS - 1L);
        }
        return new StatsRange(f, t);
    }

    /** How many days the range holds. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** When the first day begins in Vietnam (17:00 UTC the day before). */
    public Instant start() {
        return FarmTime.startOf(from);
    }

    /** When the day after the last one begins in Vietnam: instants are counted from {@link #start} up to this. */
    public Instant end() {
        return FarmTime.startOf(to.plusDays(1));
    }

    /** Every day of the range in order, with its count or 0: a chart or a sheet shows the quiet days too. */
    public List<DayCount> everyDay(Map<LocalDate, Long> counted) {
        List<DayCount> days = new ArrayList<>(days());
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(new DayCount(d, counted.getOrDefault(d, 0L)));
        }
        return days;
    }

    /** One day's count. */
    public record DayCount(LocalDate day, Long count) {}
}
