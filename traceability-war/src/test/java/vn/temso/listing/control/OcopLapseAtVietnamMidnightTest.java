package vn.temso.listing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.push.ContentHash;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.listing.entity.Listing;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;

/**
 * An OCOP certificate valid until D is claimed at 23:59:59 in Vietnam on D and gone at 00:00:00 on D + 1 (17:00 UTC,
 * still D in UTC), and the daily sweep that regenerates every feed is due exactly at that instant.
 */
class OcopLapseAtVietnamMidnightTest {

    static final LocalDate D = LocalDate.of(2027, 3, 15);
    static final Clock LAST_SECOND = Clock.fixed(Instant.parse("2027-03-15T16:59:59Z"), ZoneOffset.UTC);
    static final Clock MIDNIGHT = Clock.fixed(Instant.parse("2027-03-15T17:00:00Z"), ZoneOffset.UTC);

    private static Listing listing() {
        Product p = new Product(
                new Cooperative("HTX", CooperativeKind.COOPERATIVE, null, Instant.now()),
                "08931234500016",
                Instant.now());
        p.describe("Gạo ST25", null, "Gạo", "túi 5 kg", 185000L, "https://t.vn/a.jpg", Instant.now());
        p.certifyOcop(
                new OcopCertificate(
                        4, null, null, "1234/QĐ-UBND", LocalDate.of(2024, 3, 15), OcopLevel.PROVINCE, "UBND", D),
                Instant.now());
        return new Listing(p, Channel.GOOGLE_XML, LAST_SECOND.instant());
    }

    private static CatalogEntry entryAt(Clock clock) {
        return CatalogEntries.of(listing(), "https://t.vn", FarmTime.today(clock), true);
    }

    @Test
    void shouldClaimTheRatingAtTheLastSecondAndDropItAtMidnightInVietnam() {
        assertEquals(D, FarmTime.today(LAST_SECOND));
        assertEquals(4, entryAt(LAST_SECOND).ocop().stars(), "23:59:59 on the last valid day");
        assertEquals(D.plusDays(1), FarmTime.today(MIDNIGHT));
        assertNull(entryAt(MIDNIGHT).ocop(), "00:00:00 the next day");
        // the push content changes too, so the sweep's re-hash queues a version without the claim
        assertNotEquals(
                ContentHash.of(entryAt(LAST_SECOND), FarmTime.today(LAST_SECOND)),
                ContentHash.of(entryAt(MIDNIGHT), FarmTime.today(MIDNIGHT)));
    }

    @Test
    void shouldSweepAgainExactlyWhenTheVietnamDayChanges() {
        DailySweep daily = new DailySweep();
        assertEquals(Optional.of(D), daily.dueAt(LAST_SECOND.instant()), "no sweep yet: due at start");
        daily.sweptFor(D);
        assertTrue(daily.dueAt(LAST_SECOND.instant()).isEmpty(), "same Vietnam day");
        assertTrue(daily.dueAt(Instant.parse("2027-03-14T17:00:00Z")).isEmpty(), "00:00:00 on D was D too");
        assertEquals(
                Optional.of(D.plusDays(1)),
                daily.dueAt(MIDNIGHT.instant()),
                "00:00:00 in Vietnam, though still D in UTC: the lapse is swept");
        daily.sweptFor(D.plusDays(1));
        assertTrue(daily.dueAt(MIDNIGHT.instant().plusSeconds(5)).isEmpty(), "one sweep a day");
    }
}
