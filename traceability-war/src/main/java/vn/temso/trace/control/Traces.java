package vn.temso.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.platform.problem.Problems;
import vn.temso.product.entity.Product;
import vn.temso.stamp.StampVerifier;
import vn.temso.stamp.Verification;
import vn.temso.stamp.key.KeyLookup;
import vn.temso.stamping.control.StampKeys;
import vn.temso.stamping.entity.Stamp;
import vn.temso.trace.entity.BuyerReport;
import vn.temso.trace.entity.Scan;
import vn.temso.zone.entity.ZoneGeometry;

/** Resolves scanned stamp URLs into verdicts and trace records; records scans; applies the clone rules. */
@ApplicationScoped
public class Traces {

    @PersistenceContext
    EntityManager em;

    @Inject
    StampKeys keys;

    @Inject
    ScanLedger ledger;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "temso.clone.max-scans", defaultValue = "20")
    int maxScans;

    @Inject
    @ConfigProperty(name = "temso.clone.max-clients", defaultValue = "5")
    int maxClients;

    @Inject
    @ConfigProperty(name = "temso.report.max-per-hour", defaultValue = "5")
    int maxReportsPerHour;

    private volatile StampVerifier verifier;
    private volatile KeyLookup verifierKeys;

    /** One verifier per key set, so that its decoded public keys are reused across scans. */
    private StampVerifier verifier() {
        KeyLookup current = keys.lookup();
        StampVerifier v = verifier;
        if (v == null || verifierKeys != current) {
            v = new StampVerifier(current, baseUrl);
            verifier = v;
            verifierKeys = current;
        }
        return v;
    }

    /** A full stamp URL (base + path + query) as scanned. */
    @Transactional
    public TraceRecord scan(String stampUrl, String gtin, String lot, String serial, String clientHash) {
        Verification v = verifier().verify(stampUrl);
        if (!v.isGenuine()) {
            String why = switch (v.verdict()) {
                case KEY_REVOKED -> "KEY_REVOKED";
                case UNKNOWN_KEY -> "UNKNOWN_KEY";
                case BAD_SIGNATURE -> "BAD_SIGNATURE";
                default -> "MALFORMED";
            };
            return TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_GENUINE, why, gtin, lot, serial);
        }
        var s = v.stamp();
        Optional<Stamp> found = em.createQuery("SELECT s FROM Stamp s WHERE s.gtin = :g AND s.serial = :s", Stamp.class)
                .setParameter("g", s.gtin14()).setParameter("s", s.serial()).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().getKid().equals(s.kid()) || !found.get().getBatch().getLotCode().equals(s.lot())) {
            return TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_GENUINE, "UNKNOWN_SERIAL", s.gtin14(), s.lot(), s.serial());
        }
        Stamp stamp = found.get();
        Instant now = Instant.now();
        Batch batch = stamp.getBatch();
        boolean clean = stamp.getStatus() != Stamp.Status.VOIDED && batch.getStatus() != BatchStatus.RECALLED;
        // counted in memory and written in the background: a genuine scan does not wait for a commit
        ScanLedger.Snapshot seen = ledger.record(stamp, now, clientHash, clean, () -> em.createQuery(
                "SELECT DISTINCT c.clientHash FROM Scan c WHERE c.stampId = :s", String.class)
                .setParameter("s", stamp.getId()).getResultList());
        TraceRecord.Verdict verdict;
        String reason = null;
        if (stamp.getStatus() == Stamp.Status.VOIDED) {
            verdict = TraceRecord.Verdict.VOIDED;
            reason = stamp.getVoidReason();
            stamp.flag("scanned after void");
        } else if (batch.getStatus() == BatchStatus.RECALLED) {
            verdict = TraceRecord.Verdict.RECALLED;
            reason = batch.getStatusReason();
            stamp.flag("scanned after recall");
        } else if (seen.count() > maxScans || seen.clients() > maxClients) {
            verdict = TraceRecord.Verdict.SUSPICIOUS;
            reason = seen.count() > maxScans ? "MANY_SCANS" : "MANY_CLIENTS";
            stamp.flag(reason.equals("MANY_SCANS") ? "more than " + maxScans + " scans"
                    : "more than " + maxClients + " different clients");
        } else {
            verdict = TraceRecord.Verdict.GENUINE;
        }
        TraceRecord r = record(verdict, reason, batch, stamp);
        return new TraceRecord(r.verdict(), r.reason(), r.gtin(), r.lot(), r.serial(), seen.count(), seen.firstScanAt(),
                r.product(), r.producer(), r.batch(), r.zones(), r.stages(), r.ocopStars(), r.ocopValidUntil(), r.stampUrl());
    }

    /** The lot page: the batch record, which cannot vouch for any single package. */
    @Transactional
    public TraceRecord lot(String gtin14, String lot) {
        return em.createQuery("SELECT b FROM Batch b WHERE b.product.gtin = :g AND b.lotCode = :l", Batch.class)
                .setParameter("g", gtin14).setParameter("l", lot).getResultStream().findFirst()
                .map(b -> record(b.getStatus() == BatchStatus.RECALLED ? TraceRecord.Verdict.RECALLED
                        : TraceRecord.Verdict.LOT_ONLY, b.getStatusReason(), b, null))
                .orElse(TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_FOUND, null, gtin14, lot, null));
    }

    private TraceRecord record(TraceRecord.Verdict verdict, String reason, Batch b, Stamp stamp) {
        Product p = b.getProduct();
        LocalDate today = LocalDate.now();
        List<TraceRecord.Zone> zones = b.getZones().stream().sorted(Comparator.comparing(z -> z.getCode()))
                .map(z -> {
                    ZoneGeometry g = z.geometry();
                    return new TraceRecord.Zone(z.getCode(), z.getName(), z.getCrop(), z.getDeclaredAreaHa(),
                            z.getComputedAreaHa(), g == null ? null : g.svgPath(220, 140, 6),
                            z.getCertifications().stream().filter(c -> c.isValidOn(today))
                                    .map(c -> c.getScheme() + " " + c.getNumber() + (c.getValidUntil() == null ? ""
                                            : " (" + c.getValidUntil() + ")")).toList());
                }).toList();
        List<TraceRecord.Stage> stages = b.currentEvents().stream()
                .map(e -> new TraceRecord.Stage(e.getType().name(), e.getOccurredAt(),
                        e.getZone() == null ? null : e.getZone().getCode(), e.getNote(),
                        e.getInputName() == null ? null : e.getInputName()
                                + (e.getPreHarvestIntervalDays() == null ? "" : " · PHI " + e.getPreHarvestIntervalDays())))
                .toList();
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<TraceRecord.Warning> warnings = b.sprayingsTooCloseToHarvest().stream().map(e -> new TraceRecord.Warning(
                "Phun " + e.getInputName() + " cần cách ly " + e.getPreHarvestIntervalDays() + " ngày: an toàn từ "
                        + e.safeHarvestFrom().format(day) + ", nhưng thu hoạch ngày " + b.getHarvestDate().format(day),
                "Spraying of " + e.getInputName() + " needs " + e.getPreHarvestIntervalDays() + " days before harvest: safe from "
                        + e.safeHarvestFrom().format(day) + ", harvested " + b.getHarvestDate().format(day))).toList();
        boolean ocop = p.isOcopActiveOn(today);
        return new TraceRecord(verdict, reason, p.getGtin(), b.getLotCode(), stamp == null ? null : stamp.getSerial(),
                stamp == null ? null : stamp.getScanCount(), stamp == null ? null : stamp.getFirstScanAt(),
                new TraceRecord.Product(p.getName(), p.getDescription(), p.getImageUrl(), p.getUnit(), p.getPriceVnd()),
                new TraceRecord.Producer(b.getCooperative().getName(), b.getCooperative().getAddress(),
                        b.getCooperative().getPhone()),
                new TraceRecord.Batch(b.getHarvestDate(), b.getExpiryDate(), b.getQuantity(), b.getUnit(),
                        b.getStatus().name(), b.getStatus() == BatchStatus.RECALLED ? b.getStatusReason() : null, warnings),
                zones, stages, ocop ? p.ocop().getStars() : null, ocop ? p.ocop().getValidUntil() : null,
                stamp == null ? null : stamp.getUrl());
    }

    /** Stores a buyer's report for a stamp whose signature is genuine; rate-limited per client. */
    @Transactional
    public void report(String stampUrl, BuyerReport.Kind kind, Integer rating, String message, String clientHash) {
        Verification v = verifier().verify(stampUrl);
        if (!v.isGenuine()) {
            throw new Problems.ValidationFailed("stamp", "This stamp URL is not a genuine Temso stamp");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new Problems.ValidationFailed("rating", "rating is 1 to 5");
        }
        long recent = em.createQuery("SELECT COUNT(r) FROM BuyerReport r WHERE r.clientHash = :c AND r.createdAt > :t", Long.class)
                .setParameter("c", clientHash).setParameter("t", Instant.now().minus(Duration.ofHours(1))).getSingleResult();
        if (recent >= maxReportsPerHour) {
            throw new Problems.TooManyRequests("Too many reports from this device; try again later", 3600);
        }
        Stamp stamp = em.createQuery("SELECT s FROM Stamp s WHERE s.gtin = :g AND s.serial = :s", Stamp.class)
                .setParameter("g", v.stamp().gtin14()).setParameter("s", v.stamp().serial()).getResultStream().findFirst()
                .orElseThrow(() -> new Problems.ValidationFailed("stamp", "This stamp was not issued by Temso"));
        em.persist(new BuyerReport(stamp.getId(), stamp.getBatch().getCooperative().getId(), kind, rating, message, clientHash));
    }

    /** HMAC of address and user agent under a server secret: comparable, not reversible, never the raw address. */
    public String clientHash(String address, String userAgent) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.scanSalt(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((address + "|" + (userAgent == null ? "" : userAgent))
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
