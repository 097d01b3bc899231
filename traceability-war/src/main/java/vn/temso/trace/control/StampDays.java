package vn.temso.trace.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.temso.platform.persistence.DataSourceConfig;
import vn.temso.platform.time.FarmTime;

/**
 * Stamps issued, scans, and stamps scanned for the first time ever, by Vietnamese day and by product, for the
 * statistics. Days the {@link StampRollup} has done are read from {@code stamp_day} (a row per day and product: a year
 * is at most days x products rows, whatever the number of scans); the days after it (today, and any the rollup has
 * not reached yet) are counted from the stamp and scan rows of those days only, through their time indexes. Both
 * paths give the same numbers (ScanRollupScenarios).
 */
@ApplicationScoped
public class StampDays {

    /** One day. */
    public record DayTotals(LocalDate day, long issued, long scans, long firstScans) {}

    /** One product over a range; {@code firstScans}: its stamps scanned for the first time in the range. */
    public record ProductTotals(String productId, long issued, long scans, long firstScans) {}

    /**
     * Which products count: a JPQL condition on the alias {@code p} (the product) with its parameters, e.g. from
     * {@code TenantScope.condition(caller, "p.cooperative", params)}.
     */
    public record Scope(String condition, Map<String, Object> params) {}

    private static final String ROLLUP = "stamps";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    /** Every day of {@code [from, to]} in order, days without anything included (as zeros). */
    @Transactional
    public List<DayTotals> perDay(LocalDate from, LocalDate to, Scope scope) {
        Map<LocalDate, DayTotals> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new DayTotals(d, 0, 0, 0));
        }
        LocalDate done = doneThrough().orElse(from.minusDays(1));
        if (!from.isAfter(done)) {
            rolledUp(
                            "SELECT NEW vn.temso.trace.control.StampDays.DayTotals(d.day, SUM(d.issued), SUM(d.scans),"
                                    + " SUM(d.firstScans))",
                            "d.day",
                            DayTotals.class,
                            from,
                            to.isBefore(done) ? to : done,
                            scope)
                    .forEach(r -> days.put(r.day(), r));
        }
        for (LocalDate d = later(from, done.plusDays(1)); !d.isAfter(to); d = d.plusDays(1)) {
            long[] sum = new long[3];
            fromRows(FarmTime.startOf(d), FarmTime.startOf(d.plusDays(1)), scope)
                    .values()
                    .forEach(s -> add(sum, s));
            days.put(d, new DayTotals(d, sum[0], sum[1], sum[2]));
        }
        return new ArrayList<>(days.values());
    }

    /** The products with anything in {@code [from, to]}, most scanned first. */
    @Transactional
    public List<ProductTotals> perProduct(LocalDate from, LocalDate to, Scope scope) {
        Map<String, long[]> sums = new HashMap<>();
        LocalDate done = doneThrough().orElse(from.minusDays(1));
        if (!from.isAfter(done)) {
            rolledUp(
                            "SELECT NEW vn.temso.trace.control.StampDays.ProductTotals(p.id, SUM(d.issued), SUM(d.scans),"
                                    + " SUM(d.firstScans))",
                            "p.id",
                            ProductTotals.class,
                            from,
                            to.isBefore(done) ? to : done,
                            scope)
                    .forEach(r -> add(sums.computeIfAbsent(r.productId(), k -> new long[3]), r));
        }
        LocalDate tail = later(from, done.plusDays(1));
        if (!tail.isAfter(to)) {
            fromRows(FarmTime.startOf(tail), FarmTime.startOf(to.plusDays(1)), scope)
                    .forEach((id, s) -> add(sums.computeIfAbsent(id, k -> new long[3]), s));
        }
        List<ProductTotals> out = new ArrayList<>();
        sums.forEach((id, s) -> out.add(new ProductTotals(id, s[0], s[1], s[2])));
        out.sort((a, b) -> a.scans() != b.scans()
                ? Long.compare(b.scans(), a.scans())
                : a.productId().compareTo(b.productId()));
        return out;
    }

    private <T> List<T> rolledUp(
            String select, String groupBy, Class<T> type, LocalDate from, LocalDate to, Scope scope) {
        TypedQuery<T> q = em.createQuery(
                select + " FROM StampDay d, Product p WHERE d.productId = p.id AND d.day >= :from AND d.day <= :to AND "
                        + scope.condition() + " GROUP BY " + groupBy,
                type);
        q.setParameter("from", from).setParameter("to", to);
        scope.params().forEach(q::setParameter);
        return q.getResultList();
    }

    private static void add(long[] sum, ProductTotals r) {
        sum[0] += r.issued();
        sum[1] += r.scans();
        sum[2] += r.firstScans();
    }

    private static void add(long[] sum, long[] s) {
        for (int i = 0; i < 3; i++) {
            sum[i] += s[i];
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Straight from the rows of {@code [start, end)}, by product: stamps issued, scans, first scans. */
    private Map<String, long[]> fromRows(Instant start, Instant end, Scope scope) {
        String scans = " FROM Scan c, Stamp s, Product p WHERE c.stampId = s.id AND s.batch.product = p"
                + " AND c.scannedAt >= :start AND c.scannedAt < :end AND " + scope.condition();
        List<TypedQuery<ProductTotals>> queries = List.of(
                em.createQuery(
                        "SELECT NEW vn.temso.trace.control.StampDays.ProductTotals(p.id, COUNT(s), 0L, 0L) FROM Stamp s,"
                                + " Product p WHERE s.batch.product = p AND s.issuedAt >= :start AND s.issuedAt < :end"
                                + " AND " + scope.condition() + " GROUP BY p.id",
                        ProductTotals.class),
                em.createQuery(
                        "SELECT NEW vn.temso.trace.control.StampDays.ProductTotals(p.id, 0L, COUNT(c), 0L)" + scans
                                + " GROUP BY p.id",
                        ProductTotals.class),
                em.createQuery(
                        "SELECT NEW vn.temso.trace.control.StampDays.ProductTotals(p.id, 0L, 0L,"
                                + " COUNT(DISTINCT c.stampId))" + scans
                                + " AND NOT EXISTS (SELECT e FROM Scan e WHERE e.stampId = c.stampId"
                                + " AND e.scannedAt < :start) GROUP BY p.id",
                        ProductTotals.class));
        Map<String, long[]> sums = new HashMap<>();
        for (TypedQuery<ProductTotals> q : queries) {
            q.setParameter("start", start).setParameter("end", end);
            scope.params().forEach(q::setParameter);
            q.getResultList().forEach(r -> add(sums.computeIfAbsent(r.productId(), k -> new long[3]), r));
        }
        return sums;
    }

    /** The last day rolled up, if any. */
    public Optional<LocalDate> doneThrough() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT done_through FROM stamp_rollup WHERE name = ?")) {
            ps.setString(1, ROLLUP);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() && r.getDate(1) != null
                        ? Optional.of(r.getDate(1).toLocalDate())
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the stamp rollup mark failed: " + e.getMessage(), e);
        }
    }

    /** The first day anything happened: a stamp issued or scanned (where a first rollup starts). */
    public Optional<LocalDate> firstDay() {
        try (Connection c = dataSource.getConnection()) {
            Optional<Instant> issued = min(c, "SELECT MIN(issued_at) FROM stamp");
            Optional<Instant> scanned = min(c, "SELECT MIN(scanned_at) FROM scan");
            return issued.or(() -> scanned)
                    .map(i -> scanned.filter(s -> s.isBefore(i)).orElse(i))
                    .map(FarmTime::dateOf);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the first stamp failed: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> min(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet r = ps.executeQuery()) {
            Timestamp t = r.next() ? r.getTimestamp(1) : null;
            return Optional.ofNullable(t).map(Timestamp::toInstant);
        }
    }

    /**
     * Rolls one day up and moves the mark to it, in one transaction: a crash leaves the day either done or not. A day
     * already done (another run got there) is left alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rollUp(LocalDate day) {
        Optional<LocalDate> done = doneThrough();
        if (done.isPresent() && !day.isAfter(done.get())) {
            return;
        }
        Timestamp start = Timestamp.from(FarmTime.startOf(day));
        Timestamp end = Timestamp.from(FarmTime.startOf(day.plusDays(1)));
        String scans = " FROM scan c JOIN stamp s ON s.id = c.stamp_id JOIN batch b ON b.id = s.batch_id"
                + " WHERE c.scanned_at >= ? AND c.scanned_at < ?";
        try (Connection c = dataSource.getConnection()) {
            Map<String, long[]> sums = new HashMap<>();
            sum(
                    c,
                    "SELECT b.product_id, COUNT(*) FROM stamp s JOIN batch b ON b.id = s.batch_id"
                            + " WHERE s.issued_at >= ? AND s.issued_at < ? GROUP BY b.product_id",
                    0,
                    sums,
                    start,
                    end);
            sum(c, "SELECT b.product_id, COUNT(*)" + scans + " GROUP BY b.product_id", 1, sums, start, end);
            sum(
                    c,
                    "SELECT b.product_id, COUNT(DISTINCT c.stamp_id)" + scans
                            + " AND NOT EXISTS (SELECT 1 FROM scan e WHERE e.stamp_id = c.stamp_id AND e.scanned_at < ?)"
                            + " GROUP BY b.product_id",
                    2,
                    sums,
                    start,
                    end,
                    start);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO stamp_day (day, product_id, issued, scans, first_scans) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, long[]> e : sums.entrySet()) {
                    ps.setDate(1, Date.valueOf(day));
                    ps.setString(2, e.getKey());
                    for (int i = 0; i < 3; i++) {
                        ps.setLong(3 + i, e.getValue()[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            String mark = done.isPresent()
                    ? "UPDATE stamp_rollup SET done_through = ? WHERE name = ?"
                    : "INSERT INTO stamp_rollup (done_through, name) VALUES (?, ?)";
            try (PreparedStatement ps = c.prepareStatement(mark)) {
                ps.setDate(1, Date.valueOf(day));
                ps.setString(2, ROLLUP);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Rolling up the stamps of " + day + " failed: " + e.getMessage(), e);
        }
    }

    private static void sum(Connection c, String sql, int column, Map<String, long[]> sums, Timestamp... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setTimestamp(i + 1, params[i]);
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    sums.computeIfAbsent(r.getString(1), k -> new long[3])[column] += r.getLong(2);
                }
            }
        }
    }
}
