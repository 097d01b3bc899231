package vn.temso.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.epcis.entity.EventKind;
import vn.temso.epcis.entity.Identifiers;
import vn.temso.platform.time.FarmTime;
import vn.temso.portal.entity.PortalRecord;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.Product;
import vn.temso.stamp.Gs1Value;
import vn.temso.zone.entity.MaterialZone;

/**
 * Builds a lot's portal record from the registry (lot, product, cooperative, zones) and the EPCIS event log (key
 * tracking events, stamp ranges). Reads in the caller's transaction.
 */
@ApplicationScoped
public class PortalRecords {

    /** A record names at most this many key events (the earliest); a lot's full history is its EPCIS document. */
    static final int MAX_EVENTS = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalSettings settings;

    @Inject
    Clock clock;

    /** A range of stamps an event names. */
    public record StampRange(EventKind kind, Integer from, Integer to) {}

    /** The record of a loaded lot as of now. */
    public PortalRecord build(Batch b) {
        return assemble(b, keyEvents(b), stamps(b.getId()), FarmTime.today(clock), settings.publicBaseUrl());
    }

    private List<PortalRecord.KeyEvent> keyEvents(Batch b) {
        List<String> keySteps = settings.keyBizSteps();
        return em.createQuery(
                        "SELECT NEW vn.temso.portal.control.KeyEvents.Row(e.eventId, e.kind, e.eventType, e.bizStep,"
                                + " e.disposition, e.eventTime, e.bizLocation, e.partnerId, e.body) FROM EpcisEvent e"
                                // a lot's class URI is never an instance EPC, so no test of classLevel (a boolean
                                // EclipseLink compares with an integer on Derby)
                                + " WHERE (e.batchId = :b OR EXISTS (SELECT c.epc FROM EventEpc c WHERE"
                                + " c.eventId = e.eventId AND c.epc = :cls))"
                                + " AND e.errorDeclaredAt IS NULL AND e.kind IN :kinds ORDER BY e.eventTime, e.eventId",
                        KeyEvents.Row.class)
                .setParameter("b", b.getId())
                .setParameter("cls", Identifiers.lotClass(b.getProduct().getGtin(), b.getLotCode()))
                .setParameter("kinds", KeyEvents.LOT_KINDS)
                .getResultStream()
                .filter(r -> KeyEvents.isKey(r, keySteps))
                .limit(MAX_EVENTS)
                .map(KeyEvents::of)
                .toList();
    }

    /** The lot's stamps from the ranges its commissioning and void events name: no scan of the stamp rows. */
    private PortalRecord.Stamps stamps(String batchId) {
        List<StampRange> ranges = em.createQuery(
                        "SELECT NEW vn.temso.portal.control.PortalRecords.StampRange(e.kind, e.stampFrom, e.stampTo)"
                                + " FROM EpcisEvent e WHERE e.batchId = :b AND e.kind IN :kinds AND e.stampFrom IS NOT NULL",
                        StampRange.class)
                .setParameter("b", batchId)
                .setParameter("kinds", List.of(EventKind.STAMPS, EventKind.VOID))
                .getResultList();
        long issued = 0;
        long voided = 0;
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (StampRange r : ranges) {
            long n = (long) r.to() - r.from() + 1;
            if (r.kind() == EventKind.STAMPS) {
                issued += n;
                first = Math.min(first, r.from());
                last = Math.max(last, r.to());
            } else {
                voided += n;
            }
        }
        if (issued == 0) {
            return null;
        }
        return new PortalRecord.Stamps(issued, voided, first, last, serial(batchId, first), serial(batchId, last));
    }

    private String serial(String batchId, int seq) {
        return em.createQuery("SELECT s.serial FROM Stamp s WHERE s.batch.id = :b AND s.seq = :seq", String.class)
                .setParameter("b", batchId)
                .setParameter("seq", seq)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** The record from its parts, as of {@code today} (Vietnam date: OCOP and certificates count while valid). */
    static PortalRecord assemble(
            Batch b, List<PortalRecord.KeyEvent> events, PortalRecord.Stamps stamps, LocalDate today, String baseUrl) {
        Product p = b.getProduct();
        Cooperative c = b.getCooperative();
        List<MaterialZone> zones = b.getZones().stream()
                .sorted(Comparator.comparing(MaterialZone::getCode))
                .toList();
        String gtin = p.getGtin();
        var lot = new PortalRecord.Lot(
                b.getId(),
                b.getLotCode(),
                gtin,
                Identifiers.lotClass(gtin, b.getLotCode()),
                baseUrl + "/01/" + gtin + "/10/" + Gs1Value.encode(b.getLotCode()),
                b.getHarvestDate(),
                b.getExpiryDate(),
                b.getQuantity(),
                b.getUnit(),
                b.getStatus().name(),
                b.getStatus() == BatchStatus.RECALLED ? b.getStatusReason() : null,
                stamps,
                b.getInputs().stream()
                        .map(i -> i.getInput())
                        .sorted(Comparator.comparing(Batch::getLotCode))
                        .map(in -> new PortalRecord.Input(
                                in.getProduct().getGtin(),
                                in.getLotCode(),
                                Identifiers.lotClass(in.getProduct().getGtin(), in.getLotCode())))
                        .toList());
        var product = new PortalRecord.Product(
                p.getName(),
                p.getDescription(),
                absolute(p.getImageUrl(), baseUrl),
                gtin,
                c.getName(),
                p.getCategory(),
                p.getUnit());
        var producer = new PortalRecord.Producer(
                c.getName(),
                c.getKind() == null ? null : c.getKind().name(),
                c.getTaxId(),
                c.getGln(),
                c.getAddress(),
                c.getCommune(),
                c.getDistrict(),
                c.getProvince(),
                "VN",
                c.getPhone(),
                c.getEmail(),
                c.getRepresentative());
        var origin = new PortalRecord.Origin(
                "VN",
                zones.stream().map(MaterialZone::getCode).toList(),
                distinct(zones.stream().map(MaterialZone::getCommune).toList()),
                distinct(zones.stream().map(MaterialZone::getProvince).toList()),
                zones.stream()
                        .map(z -> new PortalRecord.Zone(
                                z.getCode(),
                                z.getName(),
                                z.getAddress(),
                                z.getCommune(),
                                z.getDistrict(),
                                z.getProvince(),
                                z.getCrop(),
                                z.getVariety(),
                                z.getDeclaredAreaHa()))
                        .toList());
        return new PortalRecord(lot, product, producer, origin, events, standards(p, zones, today));
    }

    private static PortalRecord.Standards standards(Product p, List<MaterialZone> zones, LocalDate today) {
        List<String> applied = new ArrayList<>();
        PortalRecord.Ocop ocop = null;
        if (p.isOcopActiveOn(today)) {
            OcopCertificate o = p.ocop();
            String label = "OCOP " + o.getStars() + " sao";
            ocop = new PortalRecord.Ocop(
                    o.getStars(),
                    label,
                    o.getScore(),
                    o.getDecisionNumber(),
                    o.getDecisionDate(),
                    o.getLevel() == null ? null : o.getLevel().name(),
                    o.getAuthority(),
                    o.getValidUntil());
            applied.add(label);
        }
        List<PortalRecord.Certificate> certificates = new ArrayList<>();
        for (MaterialZone z : zones) {
            z.getCertifications().stream()
                    .filter(cert -> cert.isValidOn(today))
                    .forEach(cert -> certificates.add(new PortalRecord.Certificate(
                            cert.getScheme(), cert.getNumber(), cert.getValidUntil(), z.getCode())));
        }
        Set<String> lines = new LinkedHashSet<>();
        certificates.forEach(cert -> lines.add(cert.scheme() + (cert.number() == null ? "" : " " + cert.number())));
        applied.addAll(lines);
        return new PortalRecord.Standards(applied, ocop, certificates);
    }

    /** An image path Temso serves ({@code /images/…}) as the absolute URL the portal can fetch. */
    static String absolute(String url, String baseUrl) {
        if (url == null) {
            return null;
        }
        return url.startsWith("/") && !url.startsWith("//") ? baseUrl + url : url;
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().filter(Objects::nonNull).distinct().toList();
    }
}
