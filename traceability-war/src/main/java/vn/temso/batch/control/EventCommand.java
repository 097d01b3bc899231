package vn.temso.batch.control;

import java.time.Instant;
import vn.temso.batch.entity.EventType;
import vn.temso.batch.entity.NewEvent;
import vn.temso.zone.entity.MaterialZone;

/**
 * A farm-diary entry; a spraying needs inputName and preHarvestIntervalDays; a shipping or receiving may name its
 * party (destination or source) by name and/or GLN. Owned by the control layer; the API's {@code EventRequest} and
 * the batch page map to it. {@code clientId} (a UUID the client generated) makes sending it again find the entry.
 */
public record EventCommand(
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

    /** The entry as the diary (a batch's or a season's) takes it, written down by that user. */
    public NewEvent toNewEvent(String recordedBy, MaterialZone zone) {
        return NewEvent.of(type, occurredAt, recordedBy)
                .zone(zone)
                .actor(actor)
                .note(note)
                .inputName(inputName)
                .dose(dose)
                .preHarvestIntervalDays(preHarvestIntervalDays)
                .correctsEventId(correctsEventId)
                .party(partyName, partyGln)
                .clientId(clientId)
                .build();
    }
}
