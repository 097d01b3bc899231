package vn.temso.stats.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.time.FarmTime;

class StatsRangeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void shouldDefaultToTheThirtyDaysUpToToday() {
        StatsRange r = StatsRange.parse(null, " ", TODAY);
        assertEquals(new StatsRange(LocalDate.of(2026, 11, 7), TODAY), r);
        assertEquals(30, r.days());
    }

    @Test
    void shouldEndTheDefaultRangeOnTheDayAskedFor() {
        assertEquals(
                new StatsRange(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31)),
                StatsRange.parse(null, "2026-01-31", TODAY));
        assertEquals(1, StatsRange.parse("2026-03-01", "2026-03-01", TODAY).days());
    }

    @Test
    void shouldTakeAWholeLeapYearButNoMore() {
        assertEquals(366, StatsRange.parse("2028-01-01", "2028-12-31", TODAY).days());
        assertThrows(Problems.ValidationFailed.class, () -> StatsRange.parse("2027-12-31", "2028-12-31", TODAY));
    }

    @Test
    void shouldRefuseBadDatesAndReversedRanges() {
        assertThrows(Problems.ValidationFailed.class, () -> StatsRange.parse("2026-02-30", null, TODAY));
        assertThrows(Problems.ValidationFailed.class, () -> StatsRange.parse("06/12/2026", null, TODAY));
        assertThrows(Problems.ValidationFailed.class, () -> StatsRange.parse("2026-12-07", "2026-12-06", TODAY));
        // only a start after today: the range would end before it begins
        assertThrows(Problems.ValidationFailed.class, () -> StatsRange.parse("2026-12-07", null, TODAY));
    }

    @Test
    void shouldCountInstantsFromVietnameseMidnightToVietnameseMidnight() {
        StatsRange r = StatsRange.parse("2026-12-01", "2026-12-02", TODAY);
        assertEquals(Instant.parse("2026-11-30T17:00:00Z"), r.start());
        assertEquals(Instant.parse("2026-12-02T17:00:00Z"), r.end());
    }

    @Test
    void shouldBucketAScanOnItsVietnameseDayAsTheMigrationDoes() {
        // 16:59:59 UTC is 23:59:59 in Vietnam, 17:00 UTC the next Vietnamese day; changelog 026 fills old rows with
        // the date of scanned_at + 7 hours, which must agree (Vietnam keeps no daylight saving time)
        for (String at : List.of(
                "2026-12-01T16:59:59Z", "2026-12-01T17:00:00Z", "2026-06-30T23:30:00Z", "2024-02-28T18:00:00Z")) {
            Instant i = Instant.parse(at);
            assertEquals(LocalDate.ofInstant(i.plusSeconds(7 * 3600), ZoneOffset.UTC), FarmTime.dateOf(i), at);
        }
        assertEquals(LocalDate.of(2026, 12, 1), FarmTime.dateOf(Instant.parse("2026-12-01T16:59:59Z")));
        assertEquals(LocalDate.of(2026, 12, 2), FarmTime.dateOf(Instant.parse("2026-12-01T17:00:00Z")));
    }

    @Test
    void shouldListEveryDayWithZerosForQuietOnes() {
        StatsRange r = StatsRange.parse("2026-02-27", "2026-03-02", TODAY);
        List<StatsRange.DayCount> days = r.everyDay(Map.of(LocalDate.of(2026, 3, 1), 5L));
        assertEquals(
                List.of(
                        new StatsRange.DayCount(LocalDate.of(2026, 2, 27), 0L),
                        new StatsRange.DayCount(LocalDate.of(2026, 2, 28), 0L),
                        new StatsRange.DayCount(LocalDate.of(2026, 3, 1), 5L),
                        new StatsRange.DayCount(LocalDate.of(2026, 3, 2), 0L)),
                days);
    }

    @Test
    void shouldWorkOutShares() {
        assertEquals("0.0", Statistics.percent(0, 0).toString());
        assertEquals("33.3", Statistics.percent(1, 3).toString());
        assertEquals("66.7", Statistics.percent(2, 3).toString());
        assertEquals("100.0", Statistics.percent(4, 4).toString());
    }

    @Test
    void shouldResolveReportFileNames() {
        assertEquals(new Report.File(Report.SCANS_PER_DAY, "json"), Report.ofFile("scans-per-day", null));
        assertEquals(new Report.File(Report.ZONES_BY_CROP, "xlsx"), Report.ofFile("zones-by-crop.xlsx", null));
        assertEquals(new Report.File(Report.ALERTS, "csv"), Report.ofFile("alerts", "CSV"));
        assertThrows(Problems.NotFound.class, () -> Report.ofFile("nothing.csv", null));
        assertThrows(Problems.ValidationFailed.class, () -> Report.ofFile("alerts.pdf", null));
    }
}
