package vn.temso.batch.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.temso.batch.control.BatchCommand;

/**
 * Create a batch (productId, lotCode and inputs are fixed afterwards) or replace its details while it is open. A batch
 * made from other batches lists them in {@code inputs}; its zones are then theirs, and {@code zoneIds} may be empty.
 * {@code clientId}, a UUID the client generated, makes sending the same create again answer the batch made the first
 * time (an update ignores it).
 */
public record BatchRequest(
        String productId,
        @Size(max = 20) String lotCode,
        @Size(max = 50) Set<String> zoneIds,
        @NotNull LocalDate harvestDate,
        LocalDate expiryDate,

        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        BigDecimal quantity,

        @NotBlank @Size(max = 20) String unit,
        @Valid @Size(max = 50) List<Input> inputs,
        @Size(max = 36) String clientId) {
    // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner fails
    public BatchRequest(
            String productId,
            String lotCode,
            Set<String> zoneIds,
            LocalDate harvestDate,
            LocalDate expiryDate,
            BigDecimal quantity,
            String unit,
            List<Input> inputs,
            String clientId) {
        this.productId = productId;
        this.lotCode = lotCode;
        this.zoneIds = zoneIds;
        this.harvestDate = harvestDate;
        this.expiryDate = expiryDate;
        this.quantity = quantity;
        this.unit = unit;
        this.inputs = inputs;
        this.clientId = clientId;
    }

    /** A batch this one is made from, and the quantity of it used (optional; a quantity needs its unit). */
    public record Input(
            @NotBlank @Size(max = 36) String batchId,

            @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @DecimalMax("99999999999") // DECIMAL(14,3)
            BigDecimal quantity,

            @Size(max = 20) String unit) {
        // explicit canonical constructor, as above
        public Input(String batchId, BigDecimal quantity, String unit) {
            this.batchId = batchId;
            this.quantity = quantity;
            this.unit = unit;
        }
    }

    public BatchCommand toCommand() {
        return new BatchCommand(
                productId,
                lotCode,
                zoneIds,
                harvestDate,
                expiryDate,
                quantity,
                unit,
                inputs == null
                        ? List.of()
                        : inputs.stream()
                                .map(i ->
                                        i == null ? null : new BatchCommand.Input(i.batchId(), i.quantity(), i.unit()))
                                .toList(),
                clientId);
    }
}
