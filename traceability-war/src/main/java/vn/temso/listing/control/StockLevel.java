package vn.temso.listing.control;

import vn.temso.catalog.model.Availability;
import vn.temso.listing.entity.Listing;

/**
 * How many batches of one product are open, closed and recalled: what its listings' availability follows. A product
 * is in stock in feeds and pushes only while the manager says so and at least one of its batches is open (neither
 * closed nor recalled).
 */
public record StockLevel(long open, long closed, long recalled) {

    /** A product without any batch. */
    public static final StockLevel NONE = new StockLevel(0, 0, 0);

    /** Why a listing is out of stock; the code is stable (API, page), the words are in the messages bundles. */
    public enum Reason {
        /** Every batch of the product is recalled. */
        ALL_RECALLED("all-recalled"),
        /** No batch, or none open (closed, or some closed and some recalled). */
        NO_OPEN_BATCH("no-open-batch"),
        /** The product has an open batch, but the manager set the listing out of stock. */
        SET_BY_YOU("set-by-you");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** At least one open batch: there is something to sell. */
    public boolean stocked() {
        return open > 0;
    }

    /** The availability marketplaces see for a listing of this product. */
    public Availability effective(Listing listing) {
        return CatalogEntries.availability(listing, stocked());
    }

    /**
     * Why a listing of this product is out of stock, or null when it is in stock. The records come first: setting the
     * listing in stock would not change them.
     */
    public Reason whyOut(Listing listing) {
        if (effective(listing) == Availability.IN_STOCK) {
            return null;
        }
        if (!stocked()) {
            return recalled > 0 && closed == 0 ? Reason.ALL_RECALLED : Reason.NO_OPEN_BATCH;
        }
        return Reason.SET_BY_YOU;
    }
}
