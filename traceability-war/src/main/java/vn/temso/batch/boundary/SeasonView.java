package vn.temso.batch.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.temso.batch.entity.Season;
import vn.temso.batch.entity.SeasonEntry;

/** A season of a zone, with the number of entries in its diary. */
public record SeasonView(
        String id,
        String zoneId,
        String zoneCode,
        String name,
        String crop,
        LocalDate startsOn,
        LocalDate endsOn,
        int entryCount,
        String clientId,
        String createdBy,
        Instant createdAt,
        int version) {

    public static SeasonView of(Season s) {
        return new SeasonView(
                s.getId(),
                s.getZone().getId(),
                s.getZone().getCode(),
                s.getName(),
                s.getCrop(),
                s.getStartsOn(),
                s.getEndsOn(),
                s.getEntries().size(),
                s.getClientId(),
                s.getCreatedBy(),
                s.getCreatedAt(),
                s.getVersion());
    }

    /** An entry of a season's diary; {@code superseded} when a later entry corrects it. */
    public record EntryView(
            String id,
            String seasonId,
            String zoneId,
            String zoneCode,
            String type,
            Instant occurredAt,
            String actor,
            String note,
            String inputName,
            String dose,
            Integer preHarvestIntervalDays,
            LocalDate safeHarvestFrom,
            String correctsEventId,
            boolean superseded,
            String clientId,
            String recordedBy,
            Instant recordedAt) {

        public static EntryView of(SeasonEntry e, boolean superseded) {
            Season s = e.getSeason();
            return new EntryView(
                    e.getId(),
                    s.getId(),
                    s.getZone().getId(),
                    s.getZone().getCode(),
                    e.getType().name(),
                    e.getOccurredAt(),
                    e.getActor(),
                    e.getNote(),
                    e.getInputName(),
                    e.getDose(),
                    e.getPreHarvestIntervalDays(),
                    e.safeHarvestFrom(),
                    e.getCorrectsEventId(),
                    superseded,
                    e.getClientId(),
                    e.getRecordedBy(),
                    e.getRecordedAt());
        }

        /** A season's diary in its order, each entry marked superseded if a later entry corrects it. */
        public static List<EntryView> diary(List<SeasonEntry> entries) {
            Set<String> corrected = entries.stream()
                    .map(SeasonEntry::getCorrectsEventId)
                    .filter(c -> c != null)
                    .collect(Collectors.toSet());
            return entries.stream()
                    .map(e -> of(e, corrected.contains(e.getId())))
                    .toList();
        }
    }
}
