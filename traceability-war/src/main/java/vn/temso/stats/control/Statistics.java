package vn.temso.stats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.TenantScope;
import vn.temso.platform.text.Texts;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.OcopGroup;
import vn.temso.stats.control.StatsRange.DayCount;
import vn.temso.trace.entity.BuyerReport;
import vn.temso.zone.entity.ZoneStatus;

/**
 * Computes the reports. Every number is a COUNT or SUM grouped in the database over what the caller may read
 * ({@link TenantScope}, narrowed by the filter's commune and cooperative); only the small grouped rows reach Java.
 * Scans are grouped on their Vietnamese day ({@code scan.scan_day}, changelog 026), so the same JPQL runs on Derby and
 * PostgreSQL; other instants are compared with the range's Vietnamese start and end.
 */
@ApplicationScoped
@Transactional
public class Statistics {

    /** OCOP certificates that end within this many days are listed by {@link Report#OCOP_EXPIRING}. */
    public static final int EXPIRING_DAYS = 90;

    private static final String PKG = "vn.temso.stats.control.Statistics.";
    private static final String DAY_COUNT =
            "SELECT NEW vn.temso.stats.control.StatsRange.DayCount(s.scanDay, COUNT(s))";
    private static final Comparator<String> NAMES = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final String SCANS_OF_STAMPS =
            " FROM Scan s, Stamp st JOIN st.batch b WHERE s.stampId = st.id AND s.scanDay BETWEEN :from AND :to AND ";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Inject
    Cooperatives cooperatives;

    @Inject
    Clock clock;

    /** Scans per product in the range: scans and distinct stamps scanned. */
    public record ProductScans(
            String productId, String gtin, String name, String cooperative, Long scans, Long stamps) {}

    /** Stamps issued per product in the range. */
    public record ProductIssued(String productId, String gtin, String name, String cooperative, Long issued) {}

    public record KindCount(BuyerReport.Kind kind, Long count) {}

    public record StarsCount(Integer stars, Long count) {}

    public record GroupCount(OcopGroup group, Long count) {}

    /** A count per commune: its key (what cooperatives are matched on) and one spelling of its name. */
    public record CommuneCount(String key, String name, Long count) {}

    public record OcopExpiry(String name, String gtin, String cooperative, Integer stars, LocalDate validUntil) {}

    public record StatusArea(ZoneStatus status, Long zones, BigDecimal declared, BigDecimal measured) {}

    public record CropArea(String crop, Long zones, BigDecimal declared, BigDecimal measured) {}

    /** The report for the caller; a cooperative the caller may not read is a 404, as everywhere in the API. */
    public StatsTable table(Report report, StatsFilter filter) {
        current.require();
        if (filter.cooperativeId() != null) {
            cooperatives.readable(filter.cooperativeId());
        }
        List<List<Object>> rows = switch (report) {
            case SCANS_PER_DAY ->
                scansPerDay(filter).stream()
                        .map(d -> List.<Object>of(d.day(), d.count()))
                        .toList();
            case SCANS_PER_PRODUCT ->
                scansPerProduct(filter).stream()
                        .map(p -> row(p.name(), p.gtin(), p.cooperative(), p.scans(), p.stamps()))
                        .toList();
            case STAMPS_ISSUED_SCANNED -> issuedAndScanned(filter);
            case ALERTS -> alerts(filter);
            case OCOP_BY_STARS -> ocopByStars(filter);
            case OCOP_BY_GROUP -> ocopByGroup(filter);
            case OCOP_BY_COMMUNE -> ocopByCommune(filter);
            case OCOP_EXPIRING -> ocopExpiring(filter);
            case ZONES_BY_STATUS -> zonesByStatus(filter);
            case ZONES_BY_CROP -> zonesByCrop(filter);
            case COOPERATIVES_TRACED -> cooperativesTraced(filter);
        };
        return new StatsTable(report, filter, rows);
    }

    /** Every day of the range with its scans (0 on a quiet day). */
    public List<DayCount> scansPerDay(StatsFilter f) {
        Map<String, Object> p = range(f);
        String scope = scope(f, "b.cooperative", p);
        // an unrestricted caller counts the (scan_day, stamp_id) index alone, with no join to the stamps
        String jpql = "1 = 1".equals(scope)
                ? DAY_COUNT + " FROM Scan s WHERE s.scanDay BETWEEN :from AND :to GROUP BY s.scanDay"
                : DAY_COUNT + SCANS_OF_STAMPS + scope + " GROUP BY s.scanDay";
        Map<LocalDate, Long> counted = new HashMap<>();
        for (DayCount d : list(jpql, DayCount.class, p)) {
            counted.put(d.day(), d.count());
        }
        return f.range().everyDay(counted);
    }

    /** Scans and scanned stamps per product in the range, most scanned first. */
    public List<ProductScans> scansPerProduct(StatsFilter f) {
        Map<String, Object> p = range(f);
        String jpql = "SELECT NEW " + PKG
                + "ProductScans(pr.id, pr.gtin, pr.name, c.name, COUNT(s), COUNT(DISTINCT s.stampId))"
                + SCANS_OF_STAMPS.replace("JOIN st.batch b", "JOIN st.batch b JOIN b.product pr JOIN b.cooperative c")
                + scope(f, "c", p) + " GROUP BY pr.id, pr.gtin, pr.name, c.name";
        List<ProductScans> rows = new ArrayList<>(list(jpql, ProductScans.class, p));
        rows.sort(Comparator.comparing(ProductScans::scans, Comparator.reverseOrder())
                .thenComparing(ProductScans::name, NAMES));
        return rows;
    }

    private List<List<Object>> issuedAndScanned(StatsFilter f) {
        Map<String, Object> p = instants(f);
        String jpql = "SELECT NEW " + PKG + "ProductIssued(pr.id, pr.gtin, pr.name, c.name, COUNT(st))"
                + " FROM Stamp st JOIN st.batch b JOIN b.product pr JOIN b.cooperative c"
                + " WHERE st.issuedAt >= :start AND st.issuedAt < :end AND " + scope(f, "c", p)
                + " GROUP BY pr.id, pr.gtin, pr.name, c.name";
        Map<String, List<Object>> byProduct = new LinkedHashMap<>();
        for (ProductIssued i : list(jpql, ProductIssued.class, p)) {
            byProduct.put(i.productId(), row(i.name(), i.gtin(), i.cooperative(), i.issued(), 0L, 0L));
        }
        for (ProductScans s : scansPerProduct(f)) {
            List<Object> r = byProduct.computeIfAbsent(
                    s.productId(), id -> row(s.name(), s.gtin(), s.cooperative(), 0L, 0L, 0L));
            r.set(4, s.stamps());
            r.set(5, s.scans());
        }
        List<List<Object>> rows = new ArrayList<>(byProduct.values());
        rows.sort(Comparator.comparing((List<Object> r) -> (Long) r.get(3))
                .reversed()
                .thenComparing(r -> (String) r.get(0), NAMES));
        return rows;
    }

    private List<List<Object>> alerts(StatsFilter f) {
        Map<String, Object> p = instants(f);
        Map<Alert, Long> counts = new EnumMap<>(Alert.class);
        for (Alert a : Alert.values()) {
            counts.put(a, 0L);
        }
        counts.put(
                Alert.SUSPECTED_COPY,
                single(
                        "SELECT COUNT(st) FROM Stamp st JOIN st.batch b"
                                + " WHERE st.flaggedAt >= :start AND st.flaggedAt < :end AND "
                                + scope(f, "b.cooperative", p),
                        p));
        Map<String, Object> q = instants(f);
        for (KindCount k : list(
                "SELECT NEW " + PKG + "KindCount(r.kind, COUNT(r)) FROM BuyerReport r, Cooperative c"
                        + " WHERE r.cooperativeId = c.id AND r.createdAt >= :start AND r.createdAt < :end AND "
                        + scope(f, "c", q) + " GROUP BY r.kind",
                KindCount.class,
                q)) {
            counts.put(Alert.valueOf(k.kind().name()), k.count());
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((a, n) -> rows.add(List.of(a, n)));
        return rows;
    }

    /** Products whose OCOP certificate holds today (stars given, not past its validity). */
    private String ocopToday(StatsFilter f, Map<String, Object> p) {
        p.put("today", FarmTime.today(clock));
        return " WHERE pr.ocop.stars IS NOT NULL AND (pr.ocop.validUntil IS NULL OR pr.ocop.validUntil >= :today) AND "
                + scope(f, "c", p);
    }

    private List<List<Object>> ocopByStars(StatsFilter f) {
        Map<String, Object> p = new HashMap<>();
        String jpql = "SELECT NEW " + PKG + "StarsCount(pr.ocop.stars, COUNT(pr)) FROM Product pr JOIN pr.cooperative c"
                + ocopToday(f, p) + " GROUP BY pr.ocop.stars";
        return list(jpql, StarsCount.class, p).stream()
                .sorted(Comparator.comparing(StarsCount::stars))
                .map(s -> List.<Object>of(s.stars(), s.count()))
                .toList();
    }

    private List<List<Object>> ocopByGroup(StatsFilter f) {
        Map<String, Object> p = new HashMap<>();
        String jpql = "SELECT NEW " + PKG
                + "GroupCount(pr.ocop.productGroup, COUNT(pr)) FROM Product pr JOIN pr.cooperative c"
                + ocopToday(f, p) + " AND pr.ocop.productGroup IS NOT NULL GROUP BY pr.ocop.productGroup";
        return list(jpql, GroupCount.class, p).stream()
                .sorted(Comparator.comparing(GroupCount::group))
                .map(g -> List.<Object>of(g.group(), g.count()))
                .toList();
    }

    private List<List<Object>> ocopByCommune(StatsFilter f) {
        Map<String, Object> p = new HashMap<>();
        String jpql = "SELECT NEW " + PKG
                + "CommuneCount(c.communeKey, MIN(c.commune), COUNT(pr)) FROM Product pr JOIN pr.cooperative c"
                + ocopToday(f, p) + " GROUP BY c.communeKey";
        return byCommune(list(jpql, CommuneCount.class, p)).stream()
                .map(c -> List.<Object>of(text(c.name()), c.count()))
                .toList();
    }

    private List<List<Object>> ocopExpiring(StatsFilter f) {
        Map<String, Object> p = new HashMap<>();
        LocalDate today = FarmTime.today(clock);
        p.put("today", today);
        p.put("limit", today.plusDays(EXPIRING_DAYS));
        String jpql = "SELECT NEW " + PKG
                + "OcopExpiry(pr.name, pr.gtin, c.name, pr.ocop.stars, pr.ocop.validUntil)"
                + " FROM Product pr JOIN pr.cooperative c WHERE pr.ocop.stars IS NOT NULL"
                + " AND pr.ocop.validUntil BETWEEN :today AND :limit AND " + scope(f, "c", p)
                + " ORDER BY pr.ocop.validUntil, pr.name";
        return list(jpql, OcopExpiry.class, p).stream()
                .map(o -> row(
                        o.name(),
                        o.gtin(),
                        o.cooperative(),
                        o.stars(),
                        o.validUntil(),
                        ChronoUnit.DAYS.between(today, o.validUntil())))
                .toList();
    }

    private List<List<Object>> zonesByStatus(StatsFilter f) {
        Map<String, Object> p = new HashMap<>();
        String jpql = "SELECT NEW " + PKG
                + "StatusArea(z.status, COUNT(z), SUM(z.declaredAreaHa), SUM(z.computedAreaHa)) FROM MaterialZone z"
                + " JOIN z.cooperative c WHERE " + scope(f, "c", p) + " GROUP BY z.status";
        return list(jpql, StatusArea.class, p).stream()
                .sorted(Comparator.comparing(StatusArea::status))
                .map(s -> List.<Object>of(s.status(), s.zones(), area(s.declared()), area(s.measured())))
                .toList();
    }

    private List<List<Object>> zonesByCrop(StatsFilter f) {
        Map<String, Object> p = new HashMap<>();
        String jpql = "SELECT NEW " + PKG
                + "CropArea(z.crop, COUNT(z), SUM(z.declaredAreaHa), SUM(z.computedAreaHa)) FROM MaterialZone z"
                + " JOIN z.cooperative c WHERE " + scope(f, "c", p) + " GROUP BY z.crop";
        return list(jpql, CropArea.class, p).stream()
                .sorted(Comparator.comparing(CropArea::declared, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(c -> text(c.crop()), NAMES))
                .map(c -> List.<Object>of(text(c.crop()), c.zones(), area(c.declared()), area(c.measured())))
                .toList();
    }

    /**
     * Per commune: the cooperatives, and those that trace their products (at least one stamp issued for one of their
     * batches before the end of the range), with the share in percent.
     */
    private List<List<Object>> cooperativesTraced(StatsFilter f) {
        String select = "SELECT NEW " + PKG + "CommuneCount(c.communeKey, MIN(c.commune), COUNT(c)) FROM Cooperative c";
        Map<String, Object> p = new HashMap<>();
        List<CommuneCount> all = byCommune(
                list(select + " WHERE " + scope(f, "c", p) + " GROUP BY c.communeKey", CommuneCount.class, p));
        Map<String, Object> q = new HashMap<>();
        q.put("end", f.range().end());
        Map<String, Long> traced = new HashMap<>();
        for (CommuneCount t : list(
                select + " WHERE EXISTS (SELECT st.id FROM Stamp st WHERE st.batch.cooperative = c"
                        + " AND st.issuedAt < :end) AND " + scope(f, "c", q) + " GROUP BY c.communeKey",
                CommuneCount.class,
                q)) {
            traced.put(String.valueOf(t.key()), t.count());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (CommuneCount c : all) {
            long n = traced.getOrDefault(String.valueOf(c.key()), 0L);
            rows.add(row(text(c.name()), c.count(), n, c.count() - n, percent(n, c.count())));
        }
        return rows;
    }

    /** n of total as a percentage with one decimal (0 of 0 is 0). */
    static BigDecimal percent(long n, long total) {
        return total == 0
                ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }

    private static List<CommuneCount> byCommune(List<CommuneCount> rows) {
        return rows.stream()
                .sorted(Comparator.comparing((CommuneCount c) -> text(c.name()), NAMES))
                .toList();
    }

    /**
     * The caller's scope on the cooperative at {@code coopPath}, narrowed by the filter's commune and cooperative.
     */
    private String scope(StatsFilter f, String coopPath, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(TenantScope.condition(current.require(), coopPath, params));
        if (f.commune() != null) {
            where.append(" AND ").append(coopPath).append(".communeKey = :fCommune");
            params.put("fCommune", Texts.key(f.commune()));
        }
        if (f.cooperativeId() != null) {
            where.append(" AND ").append(coopPath).append(".id = :fCoop");
            params.put("fCoop", f.cooperativeId());
        }
        String w = where.toString();
        return w.startsWith("1 = 1 AND ") ? w.substring("1 = 1 AND ".length()) : w;
    }

    private static Map<String, Object> range(StatsFilter f) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", f.range().from());
        p.put("to", f.range().to());
        return p;
    }

    private static Map<String, Object> instants(StatsFilter f) {
        Map<String, Object> p = new HashMap<>();
        p.put("start", f.range().start());
        p.put("end", f.range().end());
        return p;
    }

    private <T> List<T> list(String jpql, Class<T> type, Map<String, Object> params) {
        var q = em.createQuery(jpql, type);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    private long single(String jpql, Map<String, Object> params) {
        var q = em.createQuery(jpql, Long.class);
        params.forEach(q::setParameter);
        Long n = q.getSingleResult();
        return n == null ? 0 : n;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static BigDecimal area(BigDecimal ha) {
        if (ha == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal b = ha.stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    /** A mutable row (nulls as ""): some reports fill their columns in two passes. */
    private static List<Object> row(Object... values) {
        List<Object> r = new ArrayList<>(values.length);
        for (Object v : values) {
            r.add(v == null ? "" : v);
        }
        return r;
    }
}
