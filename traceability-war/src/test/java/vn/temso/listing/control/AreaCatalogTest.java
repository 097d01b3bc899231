package vn.temso.listing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.Availability;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.listing.entity.Listing;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;

/** Which products the commune and province catalogue lists, and which listing an entry is made from. */
class AreaCatalogTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

    private static Product product(boolean consent, Integer stars, LocalDate decided, LocalDate validUntil) {
        Cooperative c = new Cooperative("HTX Đồng Thuận", CooperativeKind.COOPERATIVE, null, T);
        c.consentToCatalog(consent);
        Product p = new Product(c, "08931234500016", T);
        p.describe("Gạo ST25", null, "Gạo", "túi 5 kg", 185000L, null, T);
        if (stars != null) {
            p.certifyOcop(
                    new OcopCertificate(stars, null, null, "1/QĐ", decided, OcopLevel.PROVINCE, null, validUntil), T);
        }
        return p;
    }

    private static Listing live(Product p, Channel channel, Instant at) {
        Listing l = new Listing(p, channel, at);
        l.change(true, Availability.IN_STOCK, false, at);
        return l;
    }

    @Test
    void shouldListActiveRatingsOfConsentingCooperatives() {
        assertTrue(
                AreaCatalog.qualifies(live(product(true, 3, TODAY.minusYears(1), null), Channel.GOOGLE_XML, T), TODAY));
        assertTrue(AreaCatalog.qualifies(live(product(true, 5, TODAY, null), Channel.HTTP_PUSH, T), TODAY));
        // the last valid day counts; the day after does not
        assertTrue(AreaCatalog.qualifies(live(product(true, 4, TODAY.minusYears(2), TODAY), Channel.JSONLD, T), TODAY));
        assertFalse(AreaCatalog.qualifies(
                live(product(true, 4, TODAY.minusYears(2), TODAY.minusDays(1)), Channel.JSONLD, T), TODAY));
    }

    @Test
    void shouldLeaveOutWhatDoesNotQualify() {
        assertFalse(
                AreaCatalog.qualifies(live(product(false, 4, TODAY.minusYears(1), null), Channel.GOOGLE_XML, T), TODAY),
                "no consent");
        assertFalse(
                AreaCatalog.qualifies(live(product(true, null, null, null), Channel.GOOGLE_XML, T), TODAY),
                "no OCOP rating");
        assertFalse(
                AreaCatalog.qualifies(live(product(true, 4, TODAY.plusDays(1), null), Channel.GOOGLE_XML, T), TODAY),
                "decided tomorrow");
        Listing withdrawn = live(product(true, 4, TODAY.minusYears(1), null), Channel.GOOGLE_XML, T);
        withdrawn.change(true, Availability.IN_STOCK, true, T);
        assertFalse(AreaCatalog.qualifies(withdrawn, TODAY), "withdrawn");
        Listing paused = live(product(true, 4, TODAY.minusYears(1), null), Channel.GOOGLE_XML, T);
        paused.change(false, Availability.IN_STOCK, false, T);
        assertFalse(AreaCatalog.qualifies(paused, TODAY), "paused");
    }

    @Test
    void shouldMakeOneEntryFromTheLatestLiveListing() {
        Product p = product(true, 4, TODAY.minusYears(1), null);
        Listing older = live(p, Channel.GOOGLE_XML, T);
        Listing newer = live(p, Channel.META_CSV, T.plusSeconds(60));
        newer.change(true, Availability.OUT_OF_STOCK, false, T.plusSeconds(60));
        Listing newestButWithdrawn = live(p, Channel.JSONLD, T.plusSeconds(120));
        newestButWithdrawn.change(true, Availability.IN_STOCK, true, T.plusSeconds(120));
        assertEquals(newer, AreaCatalog.choose(List.of(older, newestButWithdrawn, newer)));
        assertNull(AreaCatalog.choose(List.of(newestButWithdrawn)));
        assertNull(AreaCatalog.choose(List.of()));
        // a tie: the smaller id, whatever the order given
        Listing a = live(p, Channel.GOOGLE_TSV, T);
        Listing b = live(p, Channel.VOSO_CSV, T);
        Listing first = a.getId().compareTo(b.getId()) < 0 ? a : b;
        assertEquals(first, AreaCatalog.choose(List.of(a, b)));
        assertEquals(first, AreaCatalog.choose(List.of(b, a)));
    }

    @Test
    void shouldApplyTheSameRulesToRowsReadFlat() {
        Product p = product(true, 4, TODAY.minusYears(1), null);
        Listing older = live(p, Channel.GOOGLE_XML, T);
        Listing newer = live(p, Channel.META_CSV, T.plusSeconds(60));
        Listing withdrawn = live(p, Channel.JSONLD, T.plusSeconds(120));
        withdrawn.change(true, Availability.IN_STOCK, true, T.plusSeconds(120));
        List<Listing> listings = List.of(older, withdrawn, newer);
        CatalogRow chosen =
                AreaCatalog.chooseRow(listings.stream().map(CatalogRow::of).toList());
        assertEquals(AreaCatalog.choose(listings).getId(), chosen.listingId());
        assertTrue(AreaCatalog.qualifies(chosen, TODAY));
        assertFalse(AreaCatalog.qualifies(CatalogRow.of(withdrawn), TODAY), "withdrawn");
        assertNull(AreaCatalog.chooseRow(List.of(CatalogRow.of(withdrawn))));
        Listing lapsed = live(product(true, 4, TODAY.minusYears(2), TODAY.minusDays(1)), Channel.GOOGLE_XML, T);
        assertFalse(AreaCatalog.qualifies(CatalogRow.of(lapsed), TODAY), "lapsed");
        Listing noConsent = live(product(false, 4, TODAY.minusYears(1), null), Channel.GOOGLE_XML, T);
        assertFalse(AreaCatalog.qualifies(CatalogRow.of(noConsent), TODAY), "no consent");
        Listing unrated = live(product(true, null, null, null), Channel.GOOGLE_XML, T);
        assertFalse(AreaCatalog.qualifies(CatalogRow.of(unrated), TODAY), "no OCOP rating");
        assertEquals(
                CatalogEntries.of(newer, "https://t.vn", TODAY, true),
                CatalogEntries.of(chosen, "https://t.vn", TODAY, true));
    }
}
