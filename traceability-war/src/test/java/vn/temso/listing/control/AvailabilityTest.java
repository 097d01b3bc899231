package vn.temso.listing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.push.ContentHash;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.listing.entity.Listing;
import vn.temso.product.entity.Product;

/** Availability follows the records: in stock only while the manager says so and the product has an open batch. */
class AvailabilityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static Listing listing(Availability chosen) {
        Product p = new Product(
                new Cooperative("HTX Tân Trụ", CooperativeKind.COOPERATIVE, null, Instant.now()),
                "08931234500993",
                Instant.now());
        p.describe("Gạo ST25", null, "Gạo", "túi 5 kg", 185000L, "https://t.vn/a.jpg", Instant.now());
        Listing l = new Listing(p, Channel.HTTP_PUSH, Instant.now());
        l.change(true, chosen, false, Instant.now());
        return l;
    }

    @Test
    void shouldBeInStockOnlyWithAnOpenBatchAndTheManagersYes() {
        Listing in = listing(Availability.IN_STOCK);
        Listing out = listing(Availability.OUT_OF_STOCK);
        StockLevel open = new StockLevel(1, 3, 2);
        assertEquals(Availability.IN_STOCK, open.effective(in));
        assertNull(open.whyOut(in));
        assertEquals(Availability.OUT_OF_STOCK, open.effective(out));
        assertEquals(StockLevel.Reason.SET_BY_YOU, open.whyOut(out));

        assertEquals(Availability.OUT_OF_STOCK, StockLevel.NONE.effective(in));
        assertEquals(StockLevel.Reason.NO_OPEN_BATCH, StockLevel.NONE.whyOut(in), "no batch at all");
        assertEquals(StockLevel.Reason.NO_OPEN_BATCH, new StockLevel(0, 2, 0).whyOut(in), "only closed batches");
        assertEquals(StockLevel.Reason.NO_OPEN_BATCH, new StockLevel(0, 1, 1).whyOut(in), "closed and recalled");
        assertEquals(StockLevel.Reason.ALL_RECALLED, new StockLevel(0, 0, 2).whyOut(in));
        assertEquals(
                StockLevel.Reason.ALL_RECALLED,
                new StockLevel(0, 0, 1).whyOut(out),
                "the records come first: choosing in stock would not help");
    }

    @Test
    void shouldWriteTheEffectiveAvailabilityIntoTheEntryAndItsContentHash() {
        Listing in = listing(Availability.IN_STOCK);
        var stocked = CatalogEntries.of(in, "https://t.vn", TODAY, true);
        var unstocked = CatalogEntries.of(in, "https://t.vn", TODAY, false);
        assertEquals(Availability.IN_STOCK, stocked.availability());
        assertEquals(Availability.OUT_OF_STOCK, unstocked.availability());
        assertEquals(
                Availability.OUT_OF_STOCK,
                CatalogEntries.of(listing(Availability.OUT_OF_STOCK), "https://t.vn", TODAY, true)
                        .availability());
        // a recall changes what marketplaces see, so the push outbox queues a new version
        assertNotEquals(ContentHash.of(stocked, TODAY), ContentHash.of(unstocked, TODAY));
    }

    @Test
    void shouldNameEveryReasonInBothLanguages() {
        assertEquals("Mọi lô đã bị thu hồi", Stock.words(StockLevel.Reason.ALL_RECALLED, ListingProblems.locale("vi")));
        assertEquals("No open batch", Stock.words(StockLevel.Reason.NO_OPEN_BATCH, ListingProblems.locale("en")));
        assertEquals("Set by you", Stock.words(StockLevel.Reason.SET_BY_YOU, ListingProblems.locale("en")));
        assertNull(Stock.words(null, ListingProblems.locale("en")));
    }
}
