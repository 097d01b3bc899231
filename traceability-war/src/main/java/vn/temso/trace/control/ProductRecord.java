package vn.temso.trace.control;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public product page and the product's linkset show of a registered GTIN: the product, its active OCOP
 * certificate, its cooperative, its open lots and the marketplaces where it is listed and in stock.
 *
 * @param ocopStars the OCOP rating while the certificate is valid (on the Vietnam date), else null
 * @param openLots the lots still open, newest harvest first, at most {@link ProductRecords#MAX_LOTS}
 * @param marketplaces channel names of the live listings ({@code google-xml}, {@code voso-csv}...), in a fixed order
 */
public record ProductRecord(
        String gtin,
        String name,
        String description,
        String unit,
        String imageUrl,
        Integer ocopStars,
        LocalDate ocopValidUntil,
        String ocopDecision,
        String ocopAuthority,
        String cooperative,
        String cooperativeAddress,
        List<OpenLot> openLots,
        List<String> marketplaces) {

    /** An open lot: its code (as issued) and dates. */
    public record OpenLot(String lot, LocalDate harvestDate, LocalDate expiryDate) {}

    /** Estimated heap bytes, for the cache's byte bound. */
    int bytes() {
        return 400
                + chars(name)
                + chars(description)
                + chars(unit)
                + chars(imageUrl)
                + chars(ocopDecision)
                + chars(ocopAuthority)
                + chars(cooperative)
                + chars(cooperativeAddress)
                + openLots.size() * 120
                + marketplaces.size() * 60;
    }

    private static int chars(String s) {
        return vn.temso.platform.cache.Bounded.chars(s);
    }
}
