package vn.temso.listing.control;

import java.time.Instant;
import java.time.LocalDate;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.model.OcopCertificate;
import vn.temso.listing.entity.Listing;

/** Maps a listed product to the marketplaces' view of it (the catalog-sync model knows nothing of JPA). */
public final class CatalogEntries {

    private CatalogEntries() {}

    /**
     * The item id is the GTIN-14: stable (a product's GTIN never changes) and what sellers recognise.
     * The link is the product's public GS1 Digital Link page {@code {base}/01/{gtin}}.
     */
    /**
     * @param today the Vietnam date ({@code FarmTime.today(clock)}): OCOP validity is judged on it
     * @param stocked whether the product has an open batch ({@link StockLevel#stocked()}, from {@link Stock}): without
     *     one the item is out of stock whatever the manager chose
     */
    public static CatalogEntry of(Listing listing, String publicBaseUrl, LocalDate today, boolean stocked) {
        return of(CatalogRow.of(listing), publicBaseUrl, today, stocked);
    }

    /** As above, from a row read flat (the area catalogue); the one place an entry is made. */
    public static CatalogEntry of(CatalogRow r, String publicBaseUrl, LocalDate today, boolean stocked) {
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        CatalogEntry.Builder b = CatalogEntry.builder(r.gtin())
                .title(r.name())
                // Google and Meta require a description; the name is the honest fallback
                .description(r.description() != null ? r.description() : r.name())
                .link(base + "/01/" + r.gtin())
                // an uploaded image is served by Temso itself (/images/<id>); marketplaces need the full URL
                .imageLink(r.imageUrl() != null && r.imageUrl().startsWith("/") ? base + r.imageUrl() : r.imageUrl())
                .availability(availability(r.availability(), stocked))
                .priceVnd(r.priceVnd() == null ? 0 : r.priceVnd())
                .condition("new")
                .brand(r.cooperativeName())
                .gtin(r.gtin())
                .category(r.category())
                .updatedAt(latest(r.productUpdatedAt(), r.listingUpdatedAt()))
                .deleted(!r.live());
        // the product's own rule (decision date .. valid until) decides; the library then only checks validUntil
        if (r.ocopActiveOn(today)) {
            b.ocop(new OcopCertificate(r.ocopStars(), r.ocopValidUntil()));
        }
        return b.build();
    }

    /** In stock only while the manager says so and the product has an open batch. */
    public static Availability availability(Listing listing, boolean stocked) {
        return availability(listing.getAvailability(), stocked);
    }

    private static Availability availability(Availability chosen, boolean stocked) {
        return stocked && chosen == Availability.IN_STOCK ? Availability.IN_STOCK : Availability.OUT_OF_STOCK;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
