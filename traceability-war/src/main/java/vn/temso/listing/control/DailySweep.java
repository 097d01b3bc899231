package vn.temso.listing.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import vn.temso.platform.time.FarmTime;

/**
 * When the daily catalog sweep is due: at the first sync round on or after 00:00 Asia/Ho_Chi_Minh of each day. OCOP
 * claims begin and lapse at Vietnamese midnight, so the day is Vietnam's whatever zone the JVM runs in (UTC under
 * run.sh); a sweep at 23:59:59 and the next at 00:00:00 are two days. Pure, so the boundary is unit-tested.
 */
final class DailySweep {

    private LocalDate sweptOn;

    /** The Vietnam day a sweep is due for at {@code now}, or empty when that day was swept already. */
    Optional<LocalDate> dueAt(Instant now) {
        LocalDate day = FarmTime.dateOf(now);
        return day.equals(sweptOn) ? Optional.empty() : Optional.of(day);
    }

    /** The sweep of {@code day} ran (here, or on another instance of the cluster). */
    void sweptFor(LocalDate day) {
        sweptOn = day;
    }
}
