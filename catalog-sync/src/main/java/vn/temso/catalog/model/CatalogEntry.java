package vn.temso.catalog.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One product as the marketplaces see it. Text is NFC-normalised on construction; everything
 * else is checked per channel by {@code FeedValidator}, so a bad value is reported per item
 * instead of failing the whole catalog. Only the id is mandatory here because every report
 * and every push is keyed by it.
 *
 * @param priceVnd  whole dong (VND has no minor unit)
 * @param gtin      GTIN digits (canonical GTIN-14; 8, 12 and 13 digits are accepted), or null
 * @param ocop      the OCOP certificate, or null when the product has none
 * @param deleted   the product was removed: dropped from feeds on purpose, pushed as a deletion
 */
public record CatalogEntry(
        String id,
        String title,
        String description,
        String link,
        String imageLink,
        Availability availability,
        long priceVnd,
        String condition,
        String brand,
        String gtin,
        OcopCertificate ocop,
        String category,
        Instant updatedAt,
        boolean deleted) {

    public CatalogEntry {
        id = Text.clean(id);
        if (id == null) {
            throw new IllegalArgumentException("a catalog entry needs an id");
        }
        title = Text.clean(title);
        description = Text.clean(description);
        link = Text.clean(link);
        imageLink = Text.clean(imageLink);
        condition = Text.clean(condition);
        brand = Text.clean(brand);
        gtin = Text.clean(gtin);
        category = Text.clean(category);
    }

    /** The OCOP certificate if it is still valid on {@code day}; lapsed ratings must not be claimed. */
    public Optional<OcopCertificate> ocopValidOn(LocalDate day) {
        return ocop != null && ocop.isValidOn(day) ? Optional.of(ocop) : Optional.empty();
    }

    /** The same product marked deleted, as the WAR sends it when a product is withdrawn. */
    public CatalogEntry asDeleted() {
        return new CatalogEntry(
                id,
                title,
                description,
                link,
                imageLink,
                availability,
                priceVnd,
                condition,
                brand,
                gtin,
                ocop,
                category,
                updatedAt,
                true);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Fluent construction for mappers and tests; condition defaults to "new", availability to IN_STOCK. */
    public static final class Builder {
        private final String id;
        private String title;
        private String description;
        private String link;
        private String imageLink;
        private Availability availability = Availability.IN_STOCK;
        private long priceVnd;
        private String condition = "new";
        private String brand;
        private String gtin;
        private OcopCertificate ocop;
        private String category;
        private Instant updatedAt;
        private boolean deleted;

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String v) {
            this.title = v;
            return this;
        }

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        public Builder link(String v) {
            this.link = v;
            return this;
        }

        public Builder imageLink(String v) {
            this.imageLink = v;
            return this;
        }

        public Builder availability(Availability v) {
            this.availability = Objects.requireNonNull(v);
            return this;
        }

        public Builder priceVnd(long v) {
            this.priceVnd = v;
            return this;
        }

        public Builder condition(String v) {
            this.condition = v;
            return this;
        }

        public Builder brand(String v) {
            this.brand = v;
            return this;
        }

        public Builder gtin(String v) {
            this.gtin = v;
            return this;
        }

        public Builder ocop(OcopCertificate v) {
            this.ocop = v;
            return this;
        }

        public Builder ocop(int stars, LocalDate validUntil) {
            this.ocop = new OcopCertificate(stars, validUntil);
            return this;
        }

        public Builder category(String v) {
            this.category = v;
            return this;
        }

        public Builder updatedAt(Instant v) {
            this.updatedAt = v;
            return this;
        }

        public Builder deleted(boolean v) {
            this.deleted = v;
            return this;
        }

        public CatalogEntry build() {
            return new CatalogEntry(
                    id,
                    title,
                    description,
                    link,
                    imageLink,
                    availability,
                    priceVnd,
                    condition,
                    brand,
                    gtin,
                    ocop,
                    category,
                    updatedAt,
                    deleted);
        }
    }
}
