package vn.temso.batch.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import vn.temso.batch.control.EventCommand;
import vn.temso.batch.entity.EventType;

/**
 * A farm-diary entry; a spraying needs inputName and preHarvestIntervalDays. A SHIPPING entry may name its destination
 * (to whom) and a RECEIVING entry its source (from whom): {@code partyName}, {@code partyGln} (a GS1 GLN, 13 digits
 * with its check digit), or both. {@code clientId}, a UUID the client generated, makes sending the entry again (a retry
 * on a weak signal) answer the entry already recorded instead of writing it twice.
 */
public record EventRequest(
        @NotNull EventType type,
        @NotNull Instant occurredAt,
        String zoneId,
        @Size(max = 200) String actor,
        @Size(max = 2000) String note,
        @Size(max = 200) String inputName,
        @Size(max = 100) String dose,
        @Min(0) @Max(365) Integer preHarvestIntervalDays,
        String correctsEventId,
        @Size(max = 200) String partyName,
        String partyGln,
        @Size(max = 36) String clientId) {
    // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner fails
    public EventRequest(
            EventType type,
            Instant occurredAt,
            String zoneId,
            String actor,
            String note,
            String inputName,
            String dose,
            Integer preHarvestIntervalDays,
            String correctsEventId,
            String partyName,
            String partyGln,
            String clientId) {
        this.type = type;
        this.occurredAt = occurredAt;
        this.zoneId = zoneId;
        this.actor = actor;
        this.note = note;
        this.inputName = inputName;
        this.dose = dose;
        this.preHarvestIntervalDays = preHarvestIntervalDays;
        this.correctsEventId = correctsEventId;
        this.partyName = partyName;
        this.partyGln = partyGln;
        this.clientId = clientId;
    }

    public EventCommand toCommand() {
        return new EventCommand(
                type,
                occurredAt,
                zoneId,
                actor,
                note,
                inputName,
                dose,
                preHarvestIntervalDays,
                correctsEventId,
                partyName,
                partyGln,
                clientId);
    }
}
