package vn.temso.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Farm dates are Vietnamese calendar days, whatever the clock's (and the JVM's) zone. */
class FarmTimeTest {

    /** A certificate's last valid day. */
    static final LocalDate D = LocalDate.of(2027, 3, 15);
    /** 23:30 in Vietnam on D: 16:30 UTC the same day. */
    static final Clock LATE_ON_D = Clock.fixed(Instant.parse("2027-03-15T16:30:00Z"), ZoneOffset.UTC);
    /** 00:30 in Vietnam on D + 1: 17:30 UTC, still D in UTC (the seven hours pages and feeds used to disagree). */
    static final Clock EARLY_AFTER_D = Clock.fixed(Instant.parse("2027-03-15T17:30:00Z"), ZoneOffset.UTC);

    @Test
    void shouldGiveTheVietnamDateWhateverTheClocksZone() {
        assertEquals(D, FarmTime.today(LATE_ON_D));
        assertEquals(D.plusDays(1), FarmTime.today(EARLY_AFTER_D));
        assertEquals(D, LocalDate.now(EARLY_AFTER_D), "the UTC date the old code used");
        assertEquals(D.plusDays(1), FarmTime.today(EARLY_AFTER_D.withZone(ZoneOffset.ofHours(-5))));
    }

    @Test
    void shouldStartAVietnamDayAtMidnightVietnamTime() {
        assertEquals(Instant.parse("2027-03-15T17:00:00Z"), FarmTime.startOf(D.plusDays(1)));
        assertEquals(D, FarmTime.dateOf(Instant.parse("2027-03-15T16:59:59Z")));
        assertEquals(D.plusDays(1), FarmTime.dateOf(Instant.parse("2027-03-15T17:00:00Z")));
    }
}
