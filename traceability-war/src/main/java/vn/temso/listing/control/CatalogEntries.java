package vn.temso.listing.control;

import java.time.Instant;
import java.time.LocalDate;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.model.OcopCertificate;
import vn.temso.listing.entity.Listing;
import vn.temso.product.entity.Product;

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
        Product p = listing.getProduct();
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        CatalogEntry.Builder b = CatalogEntry.builder(p.getGtin())
                .title(p.getName())
                // Google and Meta require a description; the name is the honest fallback
                .description(p.getDescription() != null ? p.getDescription() : p.getName())
                .link(base + "/01/" + p.getGtin())
                // an uploaded image is served by Temso itself (/images/<id>); marketplaces need the full URL
                .imageLink(
                        p.getImageUrl() != null && p.getImageUrl().startsWith("/")
                                ? base + p.getImageUrl()
                                : p.getImageUrl())
                .availability(availability(listing, stocked))
                .priceVnd(p.getPriceVnd() == null ? 0 : p.getPriceVnd())
                .condition("new")
                .brand(p.getCooperative().getName())
                .gtin(p.getGtin())
                .category(p.getCategory())
                .updatedAt(latest(p.getUpdatedAt(), listing.getUpdatedAt()))
                .deleted(!listing.isLive());
        // the product's own rule (decision date .. valid until) decides; the library then only checks validUntil
        if (p.isOcopActiveOn(today)) {
            b.ocop(new OcopCertificate(p.ocop().getStars(), p.ocop().getValidUntil()));
        }
        return b.build();
    }

    /** In stock only while the manager says so and the product has an open batch. */
    public static Availability availability(Listing listing, boolean stocked) {
        return stocked && listing.getAvailability() == Availability.IN_STOCK
                ? Availability.IN_STOCK
                : Availability.OUT_OF_STOCK;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
