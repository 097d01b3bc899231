package vn.temso.listing.control;

import java.time.Instant;
import java.time.LocalDate;
import vn.temso.catalog.model.Availability;
import vn.temso.listing.entity.Listing;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.Product;

/**
 * One listing of a product with exactly what a catalogue entry needs, read flat (a JPQL constructor expression) by
 * {@link AreaCatalog}: materialising 100,000 products and their listings as entities was most of a province feed's
 * time. {@link #of(Listing)} makes the same from entities, so {@link CatalogEntries} and the rules have one input.
 */
public record CatalogRow(
        String productId,
        String gtin,
        String name,
        String description,
        String imageUrl,
        Long priceVnd,
        String category,
        Instant productUpdatedAt,
        String cooperativeId,
        String cooperativeName,
        String cooperativeCommune,
        boolean catalogConsent,
        Integer ocopStars,
        LocalDate ocopDecisionDate,
        LocalDate ocopValidUntil,
        String listingId,
        Availability availability,
        Instant listingUpdatedAt,
        boolean enabled,
        boolean deleted) {

    /** The JPQL of a row, over {@code Listing l JOIN l.product p JOIN p.cooperative c}. */
    static final String SELECT = "SELECT NEW vn.temso.listing.control.CatalogRow(p.id, p.gtin, p.name, p.description,"
            + " p.imageUrl, p.priceVnd, p.category, p.updatedAt, c.id, c.name, c.commune, c.catalogConsent,"
            + " p.ocop.stars, p.ocop.decisionDate, p.ocop.validUntil, l.id, l.availability, l.updatedAt, l.enabled,"
            + " l.deleted)";

    /** The same row from a listing entity (and its product and cooperative). */
    public static CatalogRow of(Listing l) {
        Product p = l.getProduct();
        OcopCertificate o = p.ocop();
        return new CatalogRow(
                p.getId(),
                p.getGtin(),
                p.getName(),
                p.getDescription(),
                p.getImageUrl(),
                p.getPriceVnd(),
                p.getCategory(),
                p.getUpdatedAt(),
                p.getCooperative().getId(),
                p.getCooperative().getName(),
                p.getCooperative().getCommune(),
                p.getCooperative().isCatalogConsent(),
                o == null ? null : o.getStars(),
                o == null ? null : o.getDecisionDate(),
                o == null ? null : o.getValidUntil(),
                l.getId(),
                l.getAvailability(),
                l.getUpdatedAt(),
                l.isEnabled(),
                l.isDeleted());
    }

    /** As {@link Listing#isLive()}. */
    public boolean live() {
        return enabled && !deleted;
    }

    /** As {@link Product#isOcopActiveOn}. */
    public boolean ocopActiveOn(LocalDate day) {
        return OcopCertificate.isActiveOn(ocopStars, ocopDecisionDate, ocopValidUntil, day);
    }
}
