package vn.temso.batch.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Create a batch (productId and lotCode are fixed afterwards) or replace its details while it is open. Owned by the
 * control layer; the API's {@code BatchRequest} and the batch page map to it.
 */
public record BatchCommand(
        String productId,
        String lotCode,
        Set<String> zoneIds,
        LocalDate harvestDate,
        LocalDate expiryDate,
        BigDecimal quantity,
        String unit) {}
