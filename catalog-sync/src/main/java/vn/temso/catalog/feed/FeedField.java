package vn.temso.catalog.feed;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.model.OcopCertificate;

/** A value that a mapped CSV column can carry; the JSON mapping names them in snake_case. */
public enum FeedField {
    ID("id"),
    TITLE("title"),
    DESCRIPTION("description"),
    LINK("link"),
    IMAGE_LINK("image_link"),
    /** in_stock / out_of_stock */
    AVAILABILITY("availability"),
    /** Còn hàng / Hết hàng */
    AVAILABILITY_VI("availability_vi"),
    /** "15000 VND" */
    PRICE("price"),
    /** "15000" */
    PRICE_VND("price_vnd"),
    CONDITION("condition"),
    BRAND("brand"),
    GTIN("gtin"),
    CATEGORY("category"),
    /** stars, only while the certificate is valid */
    OCOP_STARS("ocop_stars"),
    /** "OCOP 4 sao", only while the certificate is valid */
    OCOP_LABEL("ocop_label"),
    /** ISO date, only while the certificate is valid */
    OCOP_VALID_UNTIL("ocop_valid_until"),
    UPDATED_AT("updated_at");

    private final String jsonName;

    FeedField(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static FeedField fromJsonName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (FeedField f : values()) {
            if (f.jsonName.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown field \"" + name + "\"; expected one of "
                + Arrays.stream(values()).map(FeedField::jsonName).collect(Collectors.joining(", ")));
    }

    /** The text for this field, or null when the entry has no value (or no valid OCOP rating on {@code today}). */
    public String valueOf(CatalogEntry e, LocalDate today) {
        OcopCertificate ocop = e.ocopValidOn(today).orElse(null);
        return switch (this) {
            case ID -> e.id();
            case TITLE -> e.title();
            case DESCRIPTION -> e.description();
            case LINK -> e.link();
            case IMAGE_LINK -> e.imageLink();
            case AVAILABILITY ->
                e.availability() == null ? null : e.availability().googleValue();
            case AVAILABILITY_VI ->
                e.availability() == null ? null : e.availability().vietnameseValue();
            case PRICE -> FeedFormat.price(e.priceVnd());
            case PRICE_VND -> Long.toString(e.priceVnd());
            case CONDITION -> e.condition();
            case BRAND -> e.brand();
            case GTIN -> e.gtin();
            case CATEGORY -> e.category();
            case OCOP_STARS -> ocop == null ? null : Integer.toString(ocop.stars());
            case OCOP_LABEL -> ocop == null ? null : ocop.label();
            case OCOP_VALID_UNTIL -> ocop == null ? null : ocop.validUntil().toString();
            case UPDATED_AT -> e.updatedAt() == null ? null : e.updatedAt().toString();
        };
    }
}
