package vn.temso.listing.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.temso.listing.entity.Listing;
import vn.temso.product.entity.Product;

/**
 * Which products the commune and province catalogue lists, and reading them page by page. Plain JPA on a given
 * entity manager (the container's, or the benchmark's own), so what is measured is what runs.
 * <p>
 * A product is listed when, on the Vietnam date {@code today}:
 * <ul>
 *   <li>its cooperative consents to the catalogue ({@code catalogConsent});
 *   <li>it has an OCOP certificate of 3 stars or more that is active that day (decision date .. valid until,
 *       {@link Product#isOcopActiveOn}): a lapsed or not yet valid certificate leaves it out;
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
        Product p = l.getProduct();
        return l.isLive()
                && p.getCooperative().isCatalogConsent()
                && p.isOcopActiveOn(today)
                && p.ocop().getStars() >= MIN_STARS;
    }

    /** The listing an entry is made from, among a product's live listings, or null when there is none. */
    public static Listing choose(Collection<Listing> listings) {
        return listings.stream()
                .filter(Listing::isLive)
                .min(Comparator.comparing(
                                Listing::getUpdatedAt, Comparator.nullsLast(Comparator.<java.time.Instant>reverseOrder()))
                        .thenComparing(Listing::getId))
                .orElse(null);
    }

    /**
     * A product read for a page and the listing its entry is made from; null when it changed between the page's two
     * queries and no longer qualifies (the change marked the feeds dirty again). Its id is the paging key either way,
     * so a page is short only at the end.
     */
    public record Row(String productId, Listing listing) {}

    /**
     * Up to {@code limit} listed products with an id after {@code after}, in product id order (keyset paging on the
     * primary key: a deep page costs what the first does), each as the listing its entry is made from. Two queries a
     * page, whatever its size: the product ids, then their live listings with product and cooperative fetched.
     *
     * @param cooperativeIds only these cooperatives (a commune, or one cooperative), or null for every one
     */
    public static List<Row> page(
            EntityManager em, Collection<String> cooperativeIds, String after, int limit, LocalDate today) {
        if (cooperativeIds != null && cooperativeIds.isEmpty()) {
            return List.of();
        }
        TypedQuery<String> ids = em.createQuery(
                        "SELECT p.id FROM Product p WHERE p.cooperative.catalogConsent = TRUE"
                                + (cooperativeIds == null ? "" : " AND p.cooperative.id IN :coops")
                                + " AND p.ocop.stars >= :stars AND p.ocop.decisionDate <= :today"
                                + " AND p.ocop.validUntil >= :today AND p.id > :after"
                                + " AND EXISTS (SELECT l.id FROM Listing l WHERE l.product = p"
                                + " AND l.enabled = TRUE AND l.deleted = FALSE)"
                                + " ORDER BY p.id",
                        String.class)
                .setParameter("stars", MIN_STARS)
                .setParameter("today", today)
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(limit);
        if (cooperativeIds != null) {
            ids.setParameter("coops", cooperativeIds);
        }
        List<String> productIds = ids.getResultList();
        if (productIds.isEmpty()) {
            return List.of();
        }
        List<Listing> live = em.createQuery(
                        "SELECT l FROM Listing l JOIN FETCH l.product p JOIN FETCH p.cooperative"
                                + " WHERE p.id IN :ids AND l.enabled = TRUE AND l.deleted = FALSE",
                        Listing.class)
                .setParameter("ids", productIds)
                .getResultList();
        Map<String, List<Listing>> byProduct = new LinkedHashMap<>();
        productIds.forEach(id -> byProduct.put(id, new ArrayList<>(2)));
        for (Listing l : live) {
            byProduct.get(l.getProduct().getId()).add(l);
        }
        List<Row> page = new ArrayList<>(productIds.size());
        byProduct.forEach((id, ls) -> {
            Listing chosen = choose(ls);
            page.add(new Row(id, chosen != null && qualifies(chosen, today) ? chosen : null));
        });
        return page;
    }
}
