package vn.temso.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.temso.batch.control.EntryPhotos;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.epcis.control.Custody;
import vn.temso.epcis.control.Journey;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.Product;

/**
 * Builds the batch part of trace records from the database (the product, producer, zones with outlines, diary, and
 * the lot's one step back and one step forward from {@link Custody}).
 */
@ApplicationScoped
public class BatchRecords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Custody custody;

    @Inject
    EntryPhotos photos;

    @Transactional
    public TraceParts load(String batchId) {
        Batch b = em.find(Batch.class, batchId);
        if (b == null) {
            throw new IllegalStateException("batch " + batchId + " disappeared"); // batches are never deleted
        }
        return parts(b, FarmTime.today(clock), custody.journey(b), photos.publicUrls(b));
    }

    /**
     * The parts of a loaded batch. Zone certificates and the OCOP rating are judged once, here, on {@code today} (the
     * Vietnam date): the page, its JSON-LD and the JSON answer all show what the parts say.
     */
    public static TraceParts parts(Batch b, LocalDate today) {
        return parts(b, today, Journey.NONE);
    }

    /** The parts of a loaded batch with its journey (see {@link #parts(Batch, LocalDate)}). */
    public static TraceParts parts(Batch b, LocalDate today, Journey journey) {
        return parts(b, today, journey, Map.of());
    }

    /** ... and the photos of its entries taken from seasons (public URLs by season entry id). */
    public static TraceParts parts(Batch b, LocalDate today, Journey journey, Map<String, List<String>> photos) {
        Product p = b.getProduct();
        List<TraceRecord.Zone> zones = b.getZones().stream()
                .sorted(Comparator.comparing(z -> z.getCode()))
                .map(z -> {
                    return new TraceRecord.Zone(
                            z.getCode(),
                            z.getName(),
                            z.getCrop(),
                            z.getDeclaredAreaHa(),
                            z.getComputedAreaHa(),
                            z.outlineSvg(), // stored simplified: the outline is never parsed here
                            z.getCertifications().stream()
                                    .filter(c -> c.isValidOn(today))
                                    .map(c -> c.getScheme() + " " + c.getNumber()
                                            + (c.getValidUntil() == null ? "" : " (" + c.getValidUntil() + ")"))
                                    .toList());
                })
                .toList();
        List<TraceRecord.Stage> stages = b.currentEvents().stream()
                .map(e -> new TraceRecord.Stage(
                        e.getType().name(),
                        e.getOccurredAt(),
                        e.getZone() == null ? null : e.getZone().getCode(),
                        e.getNote(),
                        e.getInputName() == null
                                ? null
                                : e.getInputName()
                                        + (e.getPreHarvestIntervalDays() == null
                                                ? ""
                                                : " · PHI " + e.getPreHarvestIntervalDays()),
                        e.getSeasonEntryId() == null
                                ? List.of()
                                : photos.getOrDefault(e.getSeasonEntryId(), List.of())))
                .toList();
        List<TraceRecord.Warning> warnings = b.sprayingsTooCloseToHarvest().stream()
                .map(e -> new TraceRecord.Warning(
                        "Phun " + e.getInputName() + " cần cách ly " + e.getPreHarvestIntervalDays()
                                + " ngày: an toàn từ " + e.safeHarvestFrom().format(DAY) + ", nhưng thu hoạch ngày "
                                + b.getHarvestDate().format(DAY),
                        "Spraying of " + e.getInputName() + " needs " + e.getPreHarvestIntervalDays()
                                + " days before harvest: safe from "
                                + e.safeHarvestFrom().format(DAY) + ", harvested "
                                + b.getHarvestDate().format(DAY)))
                .toList();
        boolean ocop = p.isOcopActiveOn(today);
        return new TraceParts(
                b.getId(),
                b.getVersion(),
                p.getGtin(),
                b.getLotCode(),
                new TraceRecord.Product(p.getName(), p.getDescription(), p.getImageUrl(), p.getUnit(), p.getPriceVnd()),
                new TraceRecord.Producer(
                        b.getCooperative().getName(),
                        b.getCooperative().getAddress(),
                        b.getCooperative().getPhone()),
                new TraceRecord.Batch(
                        b.getHarvestDate(),
                        b.getExpiryDate(),
                        b.getQuantity(),
                        b.getUnit(),
                        b.getStatus().name(),
                        b.getStatus() == BatchStatus.RECALLED ? b.getStatusReason() : null,
                        warnings),
                zones,
                stages,
                ocop ? p.ocop().getStars() : null,
                ocop ? p.ocop().getValidUntil() : null,
                journey);
    }
}
