package vn.temso.batch.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.temso.batch.control.SeasonCommand;

/**
 * A season (vụ) of a zone: its name, the crop, the first day and, once known, the last. Seasons of a zone do not
 * overlap. {@code clientId}, a UUID the client generated, makes sending the same season again answer the one made.
 */
public record SeasonRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 120) String crop,
        @NotNull LocalDate startsOn,
        LocalDate endsOn,
        @Size(max = 36) String clientId) {
    // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner fails
    public SeasonRequest(String name, String crop, LocalDate startsOn, LocalDate endsOn, String clientId) {
        this.name = name;
        this.crop = crop;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.clientId = clientId;
    }

    public SeasonCommand toCommand() {
        return new SeasonCommand(name, crop, startsOn, endsOn, clientId);
    }
}
