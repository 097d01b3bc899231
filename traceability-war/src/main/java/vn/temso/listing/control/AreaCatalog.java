package vn.temso.listing.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.listing.entity.Listing;

/**
 * Which products the commune and province catalogue lists, and reading them page by page. Plain JPA on a given
 * entity manager (the container's, or the benchmark's own), so what is measured is what runs.
 * <p>
 * A product is listed when, on the Vietnam date {@code today}:
 * <ul>
 *   <li>its cooperative consents to the catalogue ({@code catalogConsent});
 *   <li>it has an OCOP certificate of 3 stars or more that is active that day (decision date .. valid until,
 *       {@link vn.temso.product.entity.Product#isOcopActiveOn}): a lapsed or not yet valid certificate leaves it out;
 *   <li>it has at least one live listing (enabled and not withdrawn) on any channel: the cooperative offers it for
 *       sale. A product whose listings are all paused or withdrawn is not listed.
 * </ul>
 * One entry per product, made from one of its live listings ({@link #choose}): the most recently changed (the
 * cooperative's latest word on availability), the smaller id on a tie.
 */
public final class AreaCatalog {

    public static final int MIN_STARS = 3;

    private AreaCatalog() {}

    /** The rule above, in Java (the query says the same; this checks each row read, and is unit-tested). */
    public static boolean qualifies(Listing l, LocalDate today) {
        return qualifies(CatalogRow.of(l), today);
    }

    /** As above, on a row read flat: the one place the rule is written. */
    public static boolean qualifies(CatalogRow r, LocalDate today) {
        return r.live() && r.catalogConsent() && r.ocopActiveOn(today) && r.ocopStars() >= MIN_STARS;
    }

    /** The listing an entry is made from, among a product's live listings, or null when there is none. */
    public static Listing choose(Collection<Listing> listings) {
        return choose(listings, Listing::isLive, Listing::getUpdatedAt, Listing::getId);
    }

    /** As above, among rows of one product read flat. */
    public static CatalogRow chooseRow(Collection<CatalogRow> rows) {
        return choose(rows, CatalogRow::live, CatalogRow::listingUpdatedAt, CatalogRow::listingId);
    }

    /** The rule once, for entities and rows: the most recently changed live listing, the smaller id on a tie. */
    static <L> L choose(
            Collection<L> listings, Predicate<L> live, Function<L, Instant> updatedAt, Function<L, String> id) {
        return listings.stream()
                .filter(live)
                .min(Comparator.comparing(updatedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                        .thenComparing(id))
                .orElse(null);
    }

    /**
     * A product read for a page and the listing its entry is made from (flat); null when it changed between the page's
     * queries and no longer qualifies (the change marked the feeds dirty again). Its {@link #key()} is the paging key
     * either way, so a page is short only at the end.
     */
    public record Row(String cooperativeId, String productId, CatalogRow listing, boolean stocked) {

        /** {@code <cooperative id>:<product id>}: the order of the catalogue, and the {@code after} of the next page. */
        public String key() {
            return cooperativeId + ":" + productId;
        }
    }

    /**
     * The consenting cooperatives, in id order. Read whole and filtered here: cooperatives are a few hundred in a
     * province, and EclipseLink writes a boolean condition as 1, which Derby's BOOLEAN refuses.
     */
    public static List<Cooperative> consenting(EntityManager em) {
        return em.createQuery("SELECT c FROM Cooperative c ORDER BY c.id", Cooperative.class)
                .getResultStream()
                .filter(Cooperative::isCatalogConsent)
                .toList();
    }

    /** Whether a string from outside has the shape of a {@link Row#key()} (checked before any query). */
    public static boolean isKey(String s) {
        return s != null && KEY.matcher(s).matches();
    }

    private static final java.util.regex.Pattern KEY =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + ":[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * Up to {@code limit} listed products after the key {@code after}, in (cooperative id, product id) order, each as
     * the listing its entry is made from. Keyset paging on the index {@code ix_product_coop_id} (cooperative_id, id),
     * one cooperative after the other: every query is an index range scan that stops after the rows it returns, so
     * a deep page costs what the first does and no query ever sorts the catalogue. For each cooperative a page
     * touches: the qualifying product ids, then their listings with product and cooperative as flat {@link CatalogRow}s
     * by id range (no N+1, no entities).
     *
     * @param cooperativeIds the consenting cooperatives of the area (a province, a commune, one cooperative)
     * @param after          the key of the last row of the previous page, or null (or empty) for the first page
     */
    public static List<Row> page(
            EntityManager em, List<String> cooperativeIds, String after, int limit, LocalDate today) {
        List<String> coops = cooperativeIds.stream().sorted().toList();
        String afterCoop = after == null || after.isEmpty() ? "" : after.substring(0, after.indexOf(':'));
        String afterProduct = after == null || after.isEmpty() ? "" : after.substring(after.indexOf(':') + 1);
        List<Row> page = new ArrayList<>(Math.min(limit, 1000));
        for (String coop : coops) {
            if (coop.compareTo(afterCoop) < 0) {
                continue;
            }
            String from = coop.equals(afterCoop) ? afterProduct : "";
            page.addAll(ofCooperative(em, coop, from, limit - page.size(), today));
            if (page.size() >= limit) {
                break;
            }
        }
        return page;
    }

    private static List<Row> ofCooperative(EntityManager em, String coop, String after, int limit, LocalDate today) {
        // native SQL: EclipseLink writes a boolean condition as 1/0 (and then binds nothing), which Derby's BOOLEAN
        // refuses; TRUE/FALSE and FETCH FIRST ? ROWS are the same on Derby and PostgreSQL
        List<?> found = em.createNativeQuery("SELECT p.id FROM product p WHERE p.cooperative_id = ?1 AND p.id > ?2"
                        + " AND p.ocop_stars >= ?3 AND p.ocop_decision_date <= ?4 AND p.ocop_valid_until >= ?4"
                        + " AND EXISTS (SELECT 1 FROM listing l WHERE l.product_id = p.id AND l.enabled = TRUE"
                        + " AND l.deleted = FALSE) ORDER BY p.id FETCH FIRST ?5 ROWS ONLY")
                .setParameter(1, coop)
                .setParameter(2, after)
                .setParameter(3, MIN_STARS)
                .setParameter(4, java.sql.Date.valueOf(today))
                .setParameter(5, limit) // a parameter, not text: one statement for Derby to compile, whatever the limit
                .getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        String first = (String) found.get(0);
        String last = (String) found.get(found.size() - 1);
        // one flat query for the page's listings with their product and cooperative: no entities, no persistence
        // context (materialising them was most of a province feed's time)
        List<CatalogRow> listings = em.createQuery(
                        CatalogRow.SELECT + " FROM Listing l JOIN l.product p JOIN p.cooperative c"
                                + " WHERE l.cooperativeId = :c AND p.id >= :first AND p.id <= :last",
                        CatalogRow.class)
                .setParameter("c", coop)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList();
        Map<String, List<CatalogRow>> byProduct = new LinkedHashMap<>();
        found.forEach(id -> byProduct.put((String) id, new ArrayList<>(2)));
        for (CatalogRow l : listings) {
            List<CatalogRow> of = byProduct.get(l.productId());
            if (of != null) { // the range also holds products that do not qualify
                of.add(l);
            }
        }
        Map<String, StockLevel> stock = Stock.of(em, byProduct.keySet()); // one grouped query for the page
        List<Row> rows = new ArrayList<>(found.size());
        byProduct.forEach((id, ls) -> {
            CatalogRow chosen = chooseRow(ls);
            rows.add(new Row(
                    coop,
                    id,
                    chosen != null && qualifies(chosen, today) ? chosen : null,
                    stock.get(id).stocked()));
        });
        return rows;
    }
}
