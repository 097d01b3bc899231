package vn.temso.product.control;

import java.time.LocalDate;
import vn.temso.product.entity.OcopGroup;
import vn.temso.product.entity.OcopLevel;

/**
 * Register or replace a product's details. Owned by the control layer; the API's {@code ProductRequest} and the
 * product page map to it.
 */
public record ProductCommand(
        String cooperativeId,
        String gtin,
        String name,
        String description,
        String category,
        String unit,
        Long priceVnd,
        String imageUrl,
        Ocop ocop) {

    /** The product's OCOP certificate as sent; {@code null} for none. */
    public record Ocop(
            Integer stars,
            OcopGroup group,
            Integer score,
            String decisionNumber,
            LocalDate decisionDate,
            OcopLevel level,
            String authority,
            LocalDate validUntil) {}
}
