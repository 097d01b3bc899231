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
import vn.temso.batch.entity.BatchInput;
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
        List<LotRef> inputs,
        List<LotRef> usedIn,
        int eventCount,
        String clientId,
        Instant createdAt,
        int version) {

    public record ZoneRef(String id, String code, String name) {}

    /**
     * Another batch in this one's genealogy: in {@code inputs} a batch it was made from, in {@code usedIn} a batch
     * made from it; the quantity is of the input used (null if not recorded).
     */
    public record LotRef(
            String batchId, String lotCode, String gtin, String productName, BigDecimal quantity, String unit) {

        static LotRef of(Batch other, BatchInput line) {
            return new LotRef(
                    other.getId(),
                    other.getLotCode(),
                    other.getProduct().getGtin(),
                    other.getProduct().getName(),
                    line.getQuantity(),
                    line.getUnit());
        }
    }

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
                b.getInputs().stream()
                        .map(i -> LotRef.of(i.getInput(), i))
                        .sorted(Comparator.comparing(LotRef::lotCode))
                        .toList(),
                b.getUsedIn().stream()
                        .sorted(Comparator.comparing(BatchInput::getRecordedAt))
                        .map(i -> LotRef.of(i.getOutput(), i))
                        .toList(),
                b.getEvents().size(),
                b.getClientId(),
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
            String partyName,
            String partyGln,
            boolean superseded,
            String recordedBy,
            Instant recordedAt,
            String clientId,
            String seasonEntryId) {

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
                    e.getPartyName(),
                    e.getPartyGln(),
                    superseded,
                    e.getRecordedBy(),
                    e.getRecordedAt(),
                    e.getClientId(),
                    e.getSeasonEntryId());
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
