package vn.temso.listing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.feed.FeedSink;
import vn.temso.catalog.feed.JsonLdFeedWriter;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.listing.entity.Listing;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;

/**
 * Feeds and pushes claim an OCOP rating valid until D at 23:30 in Vietnam on D, and no longer at 00:30 on D + 1
 * (17:30 UTC, still D in UTC): the day comes from the injected clock in Vietnam time.
 */
class CatalogEntriesVietnamDateTest {

    static final LocalDate D = LocalDate.of(2027, 3, 15);
    static final Clock LATE_ON_D = Clock.fixed(Instant.parse("2027-03-15T16:30:00Z"), ZoneOffset.UTC);
    static final Clock EARLY_AFTER_D = Clock.fixed(Instant.parse("2027-03-15T17:30:00Z"), ZoneOffset.UTC);

    private static Listing listing() {
        Product p = new Product(
                new Cooperative("HTX", CooperativeKind.COOPERATIVE, null, Instant.now()),
                "08931234500016",
                Instant.now());
        p.describe("Gạo ST25", null, "Gạo", "túi 5 kg", 185000L, null, Instant.now());
        p.certifyOcop(
                new OcopCertificate(
                        4,
                        null,
                        null,
                        "1234/QĐ-UBND",
                        LocalDate.of(2024, 3, 15),
                        OcopLevel.PROVINCE,
                        "UBND tỉnh Long An",
                        D),
                Instant.now());
        return new Listing(p, Channel.JSONLD, LATE_ON_D.instant());
    }

    @Test
    void shouldClaimTheRatingUntilMidnightInVietnam() {
        assertEquals(
                4,
                CatalogEntries.of(listing(), "https://t.vn", FarmTime.today(LATE_ON_D), true)
                        .ocop()
                        .stars());
        assertNull(CatalogEntries.of(listing(), "https://t.vn", FarmTime.today(EARLY_AFTER_D), true)
                .ocop());
    }

    @Test
    void shouldWriteTheFeedForTheVietnamDate() throws Exception {
        assertTrue(feed(LATE_ON_D).contains("\"OCOP\""), "23:30 in Vietnam on the last day");
        assertFalse(feed(EARLY_AFTER_D).contains("OCOP"), "00:30 in Vietnam the next day");
    }

    /** As FeedRegenerator writes a feed: entries and options for the same Vietnam date. */
    private static String feed(Clock clock) throws Exception {
        LocalDate today = FarmTime.today(clock);
        CatalogEntry e = CatalogEntries.of(listing(), "https://t.vn", today, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FeedSink sink = new JsonLdFeedWriter(FeedOptions.forDay(today)).open(out);
        sink.write(e);
        sink.finish();
        return out.toString(StandardCharsets.UTF_8);
    }
}
