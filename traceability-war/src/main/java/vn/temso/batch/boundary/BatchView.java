package vn.temso.batch.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.BatchStatus;

public record BatchView(
        String id,
        String cooperativeId,
        String cooperativeName,
        String productId,
        String productName,
        String gtin,
        String lotCode,
        List<ZoneRef> zones,
        LocalDate harvestDate,
        LocalDate expiryDate,
        BigDecimal quantity,
        String unit,
        BatchStatus status,
        String statusReason,
        Instant statusChangedAt,
        List<Warning> warnings,
        int eventCount,
        Instant createdAt,
        int version) {

    public record ZoneRef(String id, String code, String name) {}

    /** A rule the diary breaks; shown to staff and on the trace page, never hidden. */
    public record Warning(String code, String eventId, LocalDate safeHarvestFrom, String message) {}

    public static BatchView of(Batch b) {
        List<Warning> warnings = b.sprayingsTooCloseToHarvest().stream()
                .map(e -> new Warning(
                        "PRE_HARVEST_INTERVAL",
                        e.getId(),
                        e.safeHarvestFrom(),
                        "Spraying of " + e.getInputName() + " needs " + e.getPreHarvestIntervalDays()
                                + " days before harvest: safe from " + e.safeHarvestFrom() + ", harvested "
                                + b.getHarvestDate()))
                .toList();
        return new BatchView(
                b.getId(),
                b.getCooperative().getId(),
                b.getCooperative().getName(),
                b.getProduct().getId(),
                b.getProduct().getName(),
                b.getProduct().getGtin(),
                b.getLotCode(),
                b.getZones().stream()
                        .sorted(Comparator.comparing(z -> z.getCode()))
                        .map(z -> new ZoneRef(z.getId(), z.getCode(), z.getName()))
                        .toList(),
                b.getHarvestDate(),
                b.getExpiryDate(),
                b.getQuantity(),
                b.getUnit(),
                b.getStatus(),
                b.getStatusReason(),
                b.getStatusChangedAt(),
                warnings,
                b.getEvents().size(),
                b.getCreatedAt(),
                b.getVersion());
    }

    public record EventView(
            String id,
            String type,
            Instant occurredAt,
            String zoneId,
            String zoneCode,
            String actor,
            String note,
            String inputName,
            String dose,
            Integer preHarvestIntervalDays,
            LocalDate safeHarvestFrom,
            String correctsEventId,
            boolean superseded,
            String recordedBy,
            Instant recordedAt) {

        public static EventView of(BatchEvent e, boolean superseded) {
            return new EventView(
                    e.getId(),
                    e.getType().name(),
                    e.getOccurredAt(),
                    e.getZone() == null ? null : e.getZone().getId(),
                    e.getZone() == null ? null : e.getZone().getCode(),
                    e.getActor(),
                    e.getNote(),
                    e.getInputName(),
                    e.getDose(),
                    e.getPreHarvestIntervalDays(),
                    e.safeHarvestFrom(),
                    e.getCorrectsEventId(),
                    superseded,
                    e.getRecordedBy(),
                    e.getRecordedAt());
        }

        /** A farm diary in its order, each entry marked superseded if a later entry corrects it. */
        public static List<EventView> diary(List<BatchEvent> events) {
            Set<String> corrected = events.stream()
                    .map(BatchEvent::getCorrectsEventId)
                    .filter(c -> c != null)
                    .collect(Collectors.toSet());
            return events.stream()
                    .map(e -> of(e, corrected.contains(e.getId())))
                    .toList();
        }
    }
}
