package vn.temso.batch.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Create a batch (productId, lotCode and inputs are fixed afterwards) or replace its details while it is open. Owned
 * by the control layer; the API's {@code BatchRequest} and the batch page map to it.
 *
 * @param zoneIds  zones chosen; may be empty when there are inputs (their zones are the batch's then)
 * @param inputs   the batches this one is made from (empty for a harvest); ignored by an update unless they differ
 * @param clientId a UUID the client generated: sending the same create again answers the batch made the first time
 *                 (ignored by an update)
 */
public record BatchCommand(
        String productId,
        String lotCode,
        Set<String> zoneIds,
        LocalDate harvestDate,
        LocalDate expiryDate,
        BigDecimal quantity,
        String unit,
        List<Input> inputs,
        String clientId) {

    public BatchCommand {
        zoneIds = zoneIds == null ? Set.of() : zoneIds;
        inputs = inputs == null ? List.of() : inputs; // not copyOf: a null element is reported on inputs, not an NPE
    }

    /** A batch harvested from zones, made from no other batch, without a client id. */
    public BatchCommand(
            String productId,
            String lotCode,
            Set<String> zoneIds,
            LocalDate harvestDate,
            LocalDate expiryDate,
            BigDecimal quantity,
            String unit) {
        this(productId, lotCode, zoneIds, harvestDate, expiryDate, quantity, unit, List.of(), null);
    }

    /** An input batch and, optionally, the quantity of it used. */
    public record Input(String batchId, BigDecimal quantity, String unit) {}
}
