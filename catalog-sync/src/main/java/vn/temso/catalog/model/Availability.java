package vn.temso.catalog.model;

/** Stock state. An out-of-stock product stays in every feed (a missing item means "deleted" to Google). */
public enum Availability {
    IN_STOCK("in_stock", "in stock", "https://schema.org/InStock", "Còn hàng"),
    OUT_OF_STOCK("out_of_stock", "out of stock", "https://schema.org/OutOfStock", "Hết hàng");

    private final String google;
    private final String meta;
    private final String schemaOrg;
    private final String vietnamese;

    Availability(String google, String meta, String schemaOrg, String vietnamese) {
        this.google = google;
        this.meta = meta;
        this.schemaOrg = schemaOrg;
        this.vietnamese = vietnamese;
    }

    public String googleValue() {
        return google;
    }

    public String metaValue() {
        return meta;
    }

    public String schemaOrgValue() {
        return schemaOrg;
    }

    public String vietnameseValue() {
        return vietnamese;
    }

    /** Accepts IN_STOCK, in_stock and "in stock" (any case), so catalog files from either side parse. */
    public static Availability parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("availability is missing");
        }
        String key = value.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        for (Availability a : values()) {
            if (a.name().equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("availability must be IN_STOCK or OUT_OF_STOCK, got \"" + value + "\"");
    }
}
