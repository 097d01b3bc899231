package vn.temso.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one home of the WAR's time zone. Farm and certificate dates (OCOP and zone certification validity, harvest and
 * expiry checks, feed OCOP claims, clone-rule and quota days) are Vietnamese calendar days, whatever zone the JVM runs
 * in (UTC under run.sh): judged in another zone they change seven hours early and pages, JSON-LD and feeds disagree.
 */
public final class FarmTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private FarmTime() {}

    /** Today's date in Vietnam by this clock (the injected one: see {@link Clocks}). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The Vietnamese calendar day of an instant. */
    public static LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, ZONE);
    }

    /** When a Vietnamese calendar day begins. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
