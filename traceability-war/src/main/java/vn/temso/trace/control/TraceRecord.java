package vn.temso.trace.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a buyer's scan shows: the verdict first, then the public trace record (Circular 02/2024/TT-BKHCN:
 * product, producer, stages with dates, harvest date, trace code, expiry, standards). For a stamp that is not
 * genuine only the verdict is filled: a forged URL never shows product data.
 * <p>
 * For a scanned genuine stamp, why the verdict is what it is: {@code scanCount} scans since {@code firstScanAt}, from
 * {@code scanPlaces} distinct networks ("places"; at least that many when {@code scanPlacesAtLeast}), the first of
 * them the scanner's own network when {@code firstScanHere}. A SUSPICIOUS verdict's reason names the rule
 * (MANY_NETWORKS, LATE_NETWORKS).
 */
public record TraceRecord(Verdict verdict, String reason, String gtin, String lot, String serial, Integer scanCount,
                          Instant firstScanAt, Product product, Producer producer, Batch batch,
                          List<Zone> zones, List<Stage> stages, Integer ocopStars, LocalDate ocopValidUntil,
                          String stampUrl, Integer scanPlaces, Boolean scanPlacesAtLeast, Boolean firstScanHere) {

    /** A record without a scan summary (the lot page, verdicts only). */
    public TraceRecord(Verdict verdict, String reason, String gtin, String lot, String serial, Integer scanCount,
                       Instant firstScanAt, Product product, Producer producer, Batch batch, List<Zone> zones,
                       List<Stage> stages, Integer ocopStars, LocalDate ocopValidUntil, String stampUrl) {
        this(verdict, reason, gtin, lot, serial, scanCount, firstScanAt, product, producer, batch, zones, stages,
                ocopStars, ocopValidUntil, stampUrl, null, null, null);
    }

    public enum Verdict { GENUINE, NOT_GENUINE, VOIDED, RECALLED, SUSPICIOUS, LOT_ONLY, NOT_FOUND }

    public record Product(String name, String description, String imageUrl, String unit, Long priceVnd) {
    }

    public record Producer(String name, String address, String phone) {
    }

    public record Batch(LocalDate harvestDate, LocalDate expiryDate, BigDecimal quantity, String unit, String status,
                        String recallReason, List<Warning> warnings) {
    }

    /** A diary rule the batch breaks (a spraying too close to harvest), in both languages of the page. */
    public record Warning(String vi, String en) {
    }

    public record Zone(String code, String name, String crop, BigDecimal declaredAreaHa, BigDecimal computedAreaHa,
                       String svgPath, List<String> certifications) {
    }

    public record Stage(String type, Instant at, String zoneCode, String note, String input) {
    }

    public static TraceRecord verdictOnly(Verdict v, String reason, String gtin, String lot, String serial) {
        return new TraceRecord(v, reason, gtin, lot, serial, null, null, null, null, null, List.of(), List.of(), null,
                null, null);
    }
}
