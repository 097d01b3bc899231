package vn.temso.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.push.ContentHash;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.listing.boundary.FeedServletAccess;
import vn.temso.listing.control.CatalogEntries;
import vn.temso.listing.control.Feeds;
import vn.temso.listing.entity.Listing;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;

class ListingMappingTest {

    static final String BASE = "https://tem.temso.test/";

    static Listing listing(OcopCertificate ocop) {
        Cooperative coop = new Cooperative(
                "Hợp tác xã Nông nghiệp Tân Trụ Xanh", CooperativeKind.COOPERATIVE, null, Instant.now());
        Product p = new Product(coop, "08931234500993", Instant.now());
        p.describe(
                "Gạo ST25 \"Tân Trụ\", túi 2 kg",
                null,
                "Gạo",
                "túi 2 kg",
                79000L,
                "https://tem.temso.test/a.jpg",
                Instant.now());
        p.certifyOcop(ocop, Instant.now());
        return new Listing(p, Channel.GOOGLE_XML, Instant.now());
    }

    static OcopCertificate ocop(LocalDate decision) {
        return new OcopCertificate(
                4, null, null, "1234/QĐ-UBND", decision, OcopLevel.PROVINCE, "UBND tỉnh Long An", null);
    }

    @Test
    void shouldMapAProductToWhatMarketplacesSee() {
        CatalogEntry e = CatalogEntries.of(listing(null), BASE, LocalDate.of(2026, 11, 22), true);
        assertEquals("08931234500993", e.id());
        assertEquals("08931234500993", e.gtin());
        assertEquals("https://tem.temso.test/01/08931234500993", e.link());
        assertEquals("Gạo ST25 \"Tân Trụ\", túi 2 kg", e.description(), "the name stands in for a missing description");
        assertEquals("Hợp tác xã Nông nghiệp Tân Trụ Xanh", e.brand());
        assertEquals(79000, e.priceVnd());
        assertEquals(Availability.IN_STOCK, e.availability());
        assertFalse(e.deleted());
    }

    @Test
    void shouldClaimOcopOnlyFromTheDecisionDayToTheLastValidDay() {
        Listing l = listing(ocop(LocalDate.of(2025, 3, 15)));
        assertEquals(
                4,
                CatalogEntries.of(l, BASE, LocalDate.of(2026, 11, 22), true)
                        .ocop()
                        .stars());
        assertEquals(
                4,
                CatalogEntries.of(l, BASE, LocalDate.of(2028, 3, 15), true)
                        .ocop()
                        .stars());
        assertNull(CatalogEntries.of(l, BASE, LocalDate.of(2028, 3, 16), true).ocop(), "lapsed");
        assertNull(CatalogEntries.of(l, BASE, LocalDate.of(2025, 3, 14), true).ocop(), "not yet valid");
        // the content hash changes the day the label lapses, so the daily sweep queues a push
        assertFalse(ContentHash.of(
                        CatalogEntries.of(l, BASE, LocalDate.of(2028, 3, 15), true), LocalDate.of(2028, 3, 15))
                .equals(ContentHash.of(
                        CatalogEntries.of(l, BASE, LocalDate.of(2028, 3, 16), true), LocalDate.of(2028, 3, 16))));
    }

    @Test
    void shouldSendPausedAndWithdrawnListingsAsDeletions() {
        Listing l = listing(null);
        l.change(false, Availability.IN_STOCK, false, Instant.now());
        assertTrue(CatalogEntries.of(l, BASE, LocalDate.of(2026, 11, 22), true).deleted());
        l.change(true, Availability.OUT_OF_STOCK, false, Instant.now());
        CatalogEntry out = CatalogEntries.of(l, BASE, LocalDate.of(2026, 11, 22), true);
        assertFalse(out.deleted(), "out of stock stays listed");
        assertEquals(Availability.OUT_OF_STOCK, out.availability());
        l.change(true, Availability.IN_STOCK, true, Instant.now());
        assertTrue(CatalogEntries.of(l, BASE, LocalDate.of(2026, 11, 22), true).deleted());
    }

    @Test
    void shouldNameFeedFilesByChannel() {
        assertEquals("google-xml.xml", Feeds.fileName(Channel.GOOGLE_XML));
        assertEquals("google-tsv.tsv", Feeds.fileName(Channel.GOOGLE_TSV));
        assertEquals("voso-csv.csv", Feeds.fileName(Channel.VOSO_CSV));
        assertEquals("jsonld.jsonld", Feeds.fileName(Channel.JSONLD));
    }

    @Test
    void shouldGzipOnlyWhenTheClientAcceptsIt() {
        assertTrue(FeedServletAccess.acceptsGzip("gzip, deflate, br"));
        assertTrue(FeedServletAccess.acceptsGzip("deflate, GZIP;q=0.5"));
        assertFalse(FeedServletAccess.acceptsGzip("gzip;q=0"));
        assertFalse(FeedServletAccess.acceptsGzip("gzip; q=0.000"));
        assertFalse(FeedServletAccess.acceptsGzip("identity"));
        assertFalse(FeedServletAccess.acceptsGzip(null));
    }
}
