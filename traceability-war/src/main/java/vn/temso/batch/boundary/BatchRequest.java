package vn.temso.batch.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import vn.temso.batch.control.BatchCommand;

/** Create a batch (productId and lotCode are fixed afterwards) or replace its details while it is open. */
public record BatchRequest(
        String productId,
        @Size(max = 20) String lotCode,
        @NotEmpty @Size(max = 50) Set<String> zoneIds,
        @NotNull LocalDate harvestDate,
        LocalDate expiryDate,

        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        BigDecimal quantity,

        @NotBlank @Size(max = 20) String unit) {
    // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner fails
    public BatchRequest(
            String productId,
            String lotCode,
            Set<String> zoneIds,
            LocalDate harvestDate,
            LocalDate expiryDate,
            BigDecimal quantity,
            String unit) {
        this.productId = productId;
        this.lotCode = lotCode;
        this.zoneIds = zoneIds;
        this.harvestDate = harvestDate;
        this.expiryDate = expiryDate;
        this.quantity = quantity;
        this.unit = unit;
    }

    public BatchCommand toCommand() {
        return new BatchCommand(productId, lotCode, zoneIds, harvestDate, expiryDate, quantity, unit);
    }
}
