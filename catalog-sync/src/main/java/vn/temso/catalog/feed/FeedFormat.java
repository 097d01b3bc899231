package vn.temso.catalog.feed;

/** Value formats the marketplaces agree on. */
public final class FeedFormat {

    private FeedFormat() {}

    /** "15000 VND": number, space, ISO 4217 code; VND has no decimals and no thousands separator. */
    public static String price(long priceVnd) {
        return priceVnd + " VND";
    }

    /** TSV cells cannot hold tabs or line breaks reliably, so they become single spaces. */
    static String flattenForTsv(String value) {
        if (value == null) {
            return null;
        }
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == '\t' || c == '\n' || c == '\r';
        }
        return needs ? value.replaceAll("[\\t\\r\\n]+", " ") : value;
    }
}
