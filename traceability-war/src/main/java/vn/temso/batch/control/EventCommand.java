package vn.temso.batch.control;

import java.time.Instant;
import vn.temso.batch.entity.EventType;

/**
 * A farm-diary entry; a spraying needs inputName and preHarvestIntervalDays; a shipping or receiving may name its
 * party (destination or source) by name and/or GLN. Owned by the control layer; the API's {@code EventRequest} and
 * the batch page map to it.
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
        String partyGln) {}
