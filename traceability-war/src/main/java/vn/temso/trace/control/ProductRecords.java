package vn.temso.trace.control;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.catalog.model.Availability;
import vn.temso.gs1.DigitalLink;
import vn.temso.platform.cache.Bounded;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.Product;

/**
 * The product level of the GS1 Digital Link resolver ({@code /01/{gtin}}): what a registered GTIN shows publicly, and
 * whether a lot exists (for walking up the tree). Product records are cached for a few seconds and dropped at once
 * when public content changes, like trace parts; the cache is keyed by a parsed, check-digit-valid GTIN-14 only
 * (never by the path as typed) and bounded in entries and bytes: the page is on the open internet, and a crawler
 * walking through GTINs must not grow the heap. A GTIN nobody registered is remembered too (as absent), within the
 * same bounds.
 */
@ApplicationScoped
public class ProductRecords {

    /** Open lots listed on a product page; a product with more links to the newest ones. */
    public static final int MAX_LOTS = 20;

    static final int MAX_PRODUCTS = 5_000;
    static final long MAX_PRODUCT_BYTES = 16L << 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "temso.trace.cache-seconds", defaultValue = "10")
    int cacheSeconds;

    /** A cached answer, with the public content generation it was read under; {@code record} null: not registered. */
    private record Cached(long generation, ProductRecord record) {}

    private volatile Cache<String, Cached> cache;

    /** The product of a parsed Digital Link (only its GTIN counts), or empty when no cooperative registered it. */
    public Optional<ProductRecord> product(DigitalLink link) {
        String gtin = link.gtin(); // validated: 14 digits, check digit right
        long generation = PublicContent.generation();
        Cache<String, Cached> c = cache();
        Cached hit = c.getIfPresent(gtin);
        if (hit == null || hit.generation() != generation) {
            hit = new Cached(generation, load(gtin));
            c.put(gtin, hit);
        }
        return Optional.ofNullable(hit.record());
    }

    /** Whether the lot of a parsed Digital Link was recorded for its GTIN. */
    public boolean lotExists(DigitalLink link) {
        return link.lot() != null
                && !em.createQuery(
                                "SELECT b.id FROM Batch b WHERE b.product.gtin = :g AND b.lotCode = :l", String.class)
                        .setParameter("g", link.gtin())
                        .setParameter("l", link.lot())
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty();
    }

    /** Entries held now, after pending evictions (for tests). */
    long size() {
        Cache<String, Cached> c = cache();
        c.cleanUp();
        return c.estimatedSize();
    }

    private Cache<String, Cached> cache() {
        Cache<String, Cached> c = cache;
        if (c == null) {
            synchronized (this) {
                c = cache;
                if (c == null) {
                    c = Bounded.<String, Cached>builder(
                                    MAX_PRODUCTS,
                                    MAX_PRODUCT_BYTES,
                                    (k, v) -> 100
                                            + (v.record() == null
                                                    ? 0
                                                    : v.record().bytes()))
                            .expireAfterWrite(Duration.ofSeconds(Math.max(1, cacheSeconds)))
                            .build();
                    cache = c;
                }
            }
        }
        return c;
    }

    private ProductRecord load(String gtin) {
        List<Product> found = em.createQuery(
                        "SELECT p FROM Product p JOIN FETCH p.cooperative WHERE p.gtin = :g", Product.class)
                .setParameter("g", gtin)
                .setMaxResults(1)
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Product p = found.get(0);
        LocalDate today = FarmTime.today(clock);
        boolean ocop = p.isOcopActiveOn(today);
        List<ProductRecord.OpenLot> lots = em.createQuery(
                        "SELECT NEW vn.temso.trace.control.ProductRecord.OpenLot(b.lotCode, b.harvestDate,"
                                + " b.expiryDate) FROM Batch b WHERE b.product.id = :p AND b.status = :open"
                                + " ORDER BY b.harvestDate DESC, b.lotCode",
                        ProductRecord.OpenLot.class)
                .setParameter("p", p.getId())
                .setParameter("open", BatchStatus.OPEN)
                .setMaxResults(MAX_LOTS)
                .getResultList();
        List<String> marketplaces = em
                .createQuery(
                        "SELECT DISTINCT l.channel FROM Listing l WHERE l.product.id = :p AND l.enabled = TRUE"
                                + " AND l.deleted = FALSE AND l.availability = :inStock",
                        vn.temso.catalog.feed.Channel.class)
                .setParameter("p", p.getId())
                .setParameter("inStock", Availability.IN_STOCK)
                .getResultList()
                .stream()
                .filter(c -> c != vn.temso.catalog.feed.Channel.JSONLD && c != vn.temso.catalog.feed.Channel.HTTP_PUSH)
                .sorted()
                .map(vn.temso.catalog.feed.Channel::cliName)
                .toList();
        return new ProductRecord(
                p.getGtin(),
                p.getName(),
                p.getDescription(),
                p.getUnit(),
                p.getImageUrl(),
                ocop ? p.ocop().getStars() : null,
                ocop ? p.ocop().getValidUntil() : null,
                ocop ? p.ocop().getDecisionNumber() : null,
                ocop ? p.ocop().getAuthority() : null,
                p.getCooperative().getName(),
                p.getCooperative().getAddress(),
                List.copyOf(lots),
                marketplaces);
    }
}
