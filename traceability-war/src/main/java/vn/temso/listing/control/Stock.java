package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.temso.batch.entity.BatchStatus;

/**
 * The stock levels of listed products, read from their batches: one grouped query for a whole page of products
 * (never one per product), in the caller's transaction, so a batch just closed or recalled in it is counted as such.
 */
@ApplicationScoped
@Transactional
public class Stock {

    /** Product ids per query: well under every database's limit on IN lists. */
    static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    /** Batches of one product with one status. */
    public record Count(String productId, BatchStatus status, long count) {}

    /** The stock level of each of these products; a product without batches maps to {@link StockLevel#NONE}. */
    public Map<String, StockLevel> of(Collection<String> productIds) {
        return of(em, productIds);
    }

    /** As above, on a given entity manager (the area catalogue pages with its own, also outside the server). */
    public static Map<String, StockLevel> of(EntityManager em, Collection<String> productIds) {
        Map<String, long[]> counts = new HashMap<>();
        List<String> ids = new ArrayList<>(productIds.stream().distinct().toList());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Count> rows = em.createQuery(
                            "SELECT NEW vn.temso.listing.control.Stock.Count(b.product.id, b.status, COUNT(b))"
                                    + " FROM Batch b WHERE b.product.id IN :ids GROUP BY b.product.id, b.status",
                            Count.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .getResultList();
            for (Count c : rows) {
                counts.computeIfAbsent(c.productId(), k -> new long[3])[
                        c.status().ordinal()] += c.count();
            }
        }
        Map<String, StockLevel> levels = new HashMap<>();
        for (String id : ids) {
            long[] c = counts.get(id);
            levels.put(
                    id,
                    c == null
                            ? StockLevel.NONE
                            : new StockLevel(
                                    c[BatchStatus.OPEN.ordinal()],
                                    c[BatchStatus.CLOSED.ordinal()],
                                    c[BatchStatus.RECALLED.ordinal()]));
        }
        return levels;
    }

    /** The stock level of one product. */
    public StockLevel of(String productId) {
        return of(List.of(productId)).get(productId);
    }

    /** Why a listing is out of stock, in Vietnamese or English (the same words as the marketplace page). */
    public static String words(StockLevel.Reason reason, Locale locale) {
        return reason == null ? null : ListingProblems.bundle(locale).getString("listing.stock." + reason.code());
    }
}
