package vn.temso.trace.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.temso.epcis.control.Journey;

/**
 * What a buyer's scan shows: the verdict first, then the public trace record (Circular 02/2024/TT-BKHCN:
 * product, producer, stages with dates, harvest date, trace code, expiry, standards). For a stamp that is not
 * genuine only the verdict is filled: a forged URL never shows product data.
 * <p>
 * For a scanned genuine stamp, why the verdict is what it is: {@code scanCount} scans since {@code firstScanAt}, from
 * {@code scanPlaces} distinct networks ("places"; at least that many when {@code scanPlacesAtLeast}), the first of
 * them the scanner's own network when {@code firstScanHere}. A SUSPICIOUS verdict's reason names the rule
 * (MANY_NETWORKS, LATE_NETWORKS).
 * <p>
 * {@code journey} is the lot's one step back and one step forward (zones, input lots, inputs received, the chain of
 * custody after the producer, lots made from it): only what a buyer may see, partners' text cleaned and cut.
 * <p>
 * The components are the trace JSON as published, so they stay flat; build one with {@link #builder}, which names
 * each field.
 */
public record TraceRecord(
        Verdict verdict,
        String reason,
        String gtin,
        String lot,
        String serial,
        Integer scanCount,
        Instant firstScanAt,
        Product product,
        Producer producer,
        Batch batch,
        List<Zone> zones,
        List<Stage> stages,
        Integer ocopStars,
        LocalDate ocopValidUntil,
        String stampUrl,
        Integer scanPlaces,
        Boolean scanPlacesAtLeast,
        Boolean firstScanHere,
        Journey journey) {

    public enum Verdict {
        GENUINE,
        NOT_GENUINE,
        VOIDED,
        RECALLED,
        SUSPICIOUS,
        LOT_ONLY,
        NOT_FOUND
    }

    public record Product(String name, String description, String imageUrl, String unit, Long priceVnd) {}

    public record Producer(String name, String address, String phone) {}

    public record Batch(
            LocalDate harvestDate,
            LocalDate expiryDate,
            BigDecimal quantity,
            String unit,
            String status,
            String recallReason,
            List<Warning> warnings) {}

    /** A diary rule the batch breaks (a spraying too close to harvest), in both languages of the page. */
    public record Warning(String vi, String en) {}

    public record Zone(
            String code,
            String name,
            String crop,
            BigDecimal declaredAreaHa,
            BigDecimal computedAreaHa,
            String svgPath,
            List<String> certifications) {}

    /** A stage of the diary; {@code photos} are the public URLs of the photos taken of it in the field. */
    public record Stage(String type, Instant at, String zoneCode, String note, String input, List<String> photos) {

        /** A stage without photos. */
        public Stage(String type, Instant at, String zoneCode, String note, String input) {
            this(type, at, zoneCode, note, input, List.of());
        }
    }

    public static TraceRecord verdictOnly(Verdict v, String reason, String gtin, String lot, String serial) {
        return builder(v).reason(reason).gtin(gtin).lot(lot).serial(serial).build();
    }

    /** A record with the given verdict; every other field is named as it is set (unset: null, no zones, no stages). */
    public static Builder builder(Verdict verdict) {
        return new Builder(verdict);
    }

    /** Builds a {@link TraceRecord} field by field, so no call site passes a row of positional nulls. */
    public static final class Builder {
        private final Verdict verdict;
        private String reason;
        private String gtin;
        private String lot;
        private String serial;
        private Integer scanCount;
        private Instant firstScanAt;
        private Product product;
        private Producer producer;
        private Batch batch;
        private List<Zone> zones = List.of();
        private List<Stage> stages = List.of();
        private Integer ocopStars;
        private LocalDate ocopValidUntil;
        private String stampUrl;
        private Integer scanPlaces;
        private Boolean scanPlacesAtLeast;
        private Boolean firstScanHere;
        private Journey journey;

        private Builder(Verdict verdict) {
            this.verdict = verdict;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder gtin(String gtin) {
            this.gtin = gtin;
            return this;
        }

        public Builder lot(String lot) {
            this.lot = lot;
            return this;
        }

        public Builder serial(String serial) {
            this.serial = serial;
            return this;
        }

        public Builder scanCount(Integer scanCount) {
            this.scanCount = scanCount;
            return this;
        }

        public Builder firstScanAt(Instant firstScanAt) {
            this.firstScanAt = firstScanAt;
            return this;
        }

        public Builder product(Product product) {
            this.product = product;
            return this;
        }

        public Builder producer(Producer producer) {
            this.producer = producer;
            return this;
        }

        public Builder batch(Batch batch) {
            this.batch = batch;
            return this;
        }

        public Builder zones(List<Zone> zones) {
            this.zones = zones;
            return this;
        }

        public Builder stages(List<Stage> stages) {
            this.stages = stages;
            return this;
        }

        public Builder ocopStars(Integer ocopStars) {
            this.ocopStars = ocopStars;
            return this;
        }

        public Builder ocopValidUntil(LocalDate ocopValidUntil) {
            this.ocopValidUntil = ocopValidUntil;
            return this;
        }

        public Builder stampUrl(String stampUrl) {
            this.stampUrl = stampUrl;
            return this;
        }

        public Builder scanPlaces(Integer scanPlaces) {
            this.scanPlaces = scanPlaces;
            return this;
        }

        public Builder scanPlacesAtLeast(Boolean scanPlacesAtLeast) {
            this.scanPlacesAtLeast = scanPlacesAtLeast;
            return this;
        }

        public Builder firstScanHere(Boolean firstScanHere) {
            this.firstScanHere = firstScanHere;
            return this;
        }

        public Builder journey(Journey journey) {
            this.journey = journey;
            return this;
        }

        /**
         * The batch's part, the same for every stamp of the batch: code, product, producer, zones, diary, OCOP, journey.
         */
        public Builder parts(TraceParts p) {
            return gtin(p.gtin())
                    .lot(p.lot())
                    .product(p.product())
                    .producer(p.producer())
                    .batch(p.batch())
                    .zones(p.zones())
                    .stages(p.stages())
                    .ocopStars(p.ocopStars())
                    .ocopValidUntil(p.ocopValidUntil())
                    .journey(p.journey());
        }

        public TraceRecord build() {
            return new TraceRecord(
                    verdict,
                    reason,
                    gtin,
                    lot,
                    serial,
                    scanCount,
                    firstScanAt,
                    product,
                    producer,
                    batch,
                    zones,
                    stages,
                    ocopStars,
                    ocopValidUntil,
                    stampUrl,
                    scanPlaces,
                    scanPlacesAtLeast,
                    firstScanHere,
                    journey);
        }
    }
}
