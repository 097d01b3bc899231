package vn.temso.catalog.feed;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.model.OcopCertificate;

/** A value that a mapped CSV column can carry; the JSON mapping names them in snake_case. */
public enum FeedField {
    ID("id", "the item's id (the product's GTIN); required"),
    TITLE("title", "the product name; required"),
    DESCRIPTION("description", "the product description"),
    LINK("link", "the product's public page (https)"),
    IMAGE_LINK("image_link", "the product image URL"),
    /** in_stock / out_of_stock */
    AVAILABILITY("availability", "in_stock or out_of_stock"),
    /** Còn hàng / Hết hàng */
    AVAILABILITY_VI("availability_vi", "Còn hàng or Hết hàng"),
    /** "15000 VND" */
    PRICE("price", "the price with its currency, e.g. 15000 VND"),
    /** "15000" */
    PRICE_VND("price_vnd", "the price in dong, digits only, e.g. 15000"),
    CONDITION("condition", "new"),
    BRAND("brand", "the brand (the cooperative's name unless the product has one)"),
    GTIN("gtin", "the GTIN (barcode number)"),
    CATEGORY("category", "the product category"),
    /** stars, only while the certificate is valid */
    OCOP_STARS("ocop_stars", "OCOP stars, 3 to 5, only while the certificate is valid"),
    /** "OCOP 4 sao", only while the certificate is valid */
    OCOP_LABEL("ocop_label", "e.g. OCOP 4 sao, only while the certificate is valid"),
    /** ISO date, only while the certificate is valid */
    OCOP_VALID_UNTIL("ocop_valid_until", "the OCOP certificate's end date (YYYY-MM-DD), only while valid"),
    UPDATED_AT("updated_at", "when the product last changed (ISO 8601)");

    private final String jsonName;
    private final String description;

    FeedField(String jsonName, String description) {
        this.jsonName = jsonName;
        this.description = description;
    }

    /** A short English description of the value, for lists of the fields a mapping may use. */
    public String description() {
        return description;
    }

    public String jsonName() {
        return jsonName;
    }

    public static FeedField fromJsonName(String name) {
        FeedField f = lookup(name);
        if (f != null) {
            return f;
        }
        throw new IllegalArgumentException("unknown field \"" + name + "\"; expected one of "
                + Arrays.stream(values()).map(FeedField::jsonName).collect(Collectors.joining(", ")));
    }

    /** The field of that JSON name (case and spaces around ignored), or null. */
    public static FeedField lookup(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (FeedField f : values()) {
            if (f.jsonName.equals(key)) {
                return f;
            }
        }
        return null;
    }

    /** The names a mapping may use, comma separated (for messages). */
    static String names() {
        return Arrays.stream(values()).map(FeedField::jsonName).collect(Collectors.joining(", "));
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
