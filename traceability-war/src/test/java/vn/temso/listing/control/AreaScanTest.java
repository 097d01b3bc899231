package vn.temso.listing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.Availability;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.gs1.Gtin;
import vn.temso.listing.bench.ProvinceFeedBench;
import vn.temso.listing.entity.Listing;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;

/**
 * {@link AreaScan} on a real (in-memory) Derby database with the real schema: the rows it reads are the rows the rules
 * say, each made as from the entities.
 */
class AreaScanTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final Instant T = Instant.parse("2026-11-01T01:00:00Z");

    private static EmbeddedDataSource ds;
    private static EntityManagerFactory emf;
    private static int gtins;

    @BeforeAll
    static void database() throws Exception {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:area-scan-test");
        ds.setCreateDatabase("create");
        ProvinceFeedBench.migrate(ds);
        emf = ProvinceFeedBench.jpa(ds);
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @Test
    void shouldReadTheListedProductsOfTheAreaAsTheRulesSay() throws Exception {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        Cooperative a = coop(em, true);
        Cooperative b = coop(em, true);
        Cooperative other = coop(em, true); // consents, but is not of this area
        Product noImage = product(em, a, 4, TODAY.minusMonths(2), 185_000L, null);
        Listing noImageListing = listing(em, noImage, Channel.GOOGLE_XML, T, false);
        Product twoListings = product(em, a, 3, TODAY.minusMonths(1), 90_000L, "/images/x/1200.jpg");
        listing(em, twoListings, Channel.GOOGLE_XML, T, false);
        Listing newer = listing(em, twoListings, Channel.META_CSV, T.plusSeconds(60), false);
        Product withdrawn = product(em, a, 5, TODAY.minusMonths(1), 1L, null);
        listing(em, withdrawn, Channel.GOOGLE_XML, T, true);
        Product lapsed = product(em, a, 4, TODAY.minusYears(4), 1L, null);
        listing(em, lapsed, Channel.GOOGLE_XML, T, false);
        Product unrated = product(em, a, null, null, 1L, null); // no OCOP certificate
        listing(em, unrated, Channel.GOOGLE_XML, T, false);
        Product noPrice = product(em, b, 5, TODAY.minusMonths(3), null, "https://cdn.example/p.jpg");
        listing(em, noPrice, Channel.VOSO_CSV, T, false);
        Product elsewhere = product(em, other, 5, TODAY.minusMonths(3), 1L, null);
        listing(em, elsewhere, Channel.GOOGLE_XML, T, false);
        em.getTransaction().commit();

        Map<String, AreaCatalog.Row> rows = new HashMap<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (AreaScan scan = AreaScan.open(c, List.of(a.getId(), b.getId()), TODAY)) {
                scan.forEachRemaining(r -> rows.put(r.productId(), r));
            }
            c.rollback();
        }

        assertEquals(
                java.util.Set.of(noImage.getId(), twoListings.getId(), lapsed.getId(), noPrice.getId()),
                rows.keySet(),
                "live listings of the area's OCOP products");
        assertNull(rows.get(lapsed.getId()).listing(), "a lapsed certificate: read, but no entry");
        assertEquals(newer.getId(), rows.get(twoListings.getId()).listing().listingId(), "the latest live listing");
        CatalogRow first = rows.get(noImage.getId()).listing();
        assertEquals(185_000L, first.priceVnd(), "the price even when the image (read after it) is empty");
        assertNull(first.imageUrl());
        assertNull(rows.get(noPrice.getId()).listing().priceVnd(), "no price stays no price");
        assertEquals(b.getName(), rows.get(noPrice.getId()).listing().cooperativeName());
        rows.values().forEach(r -> assertFalse(r.stocked(), "no batches here"));
        // each entry as the entity path makes it
        em.getTransaction().begin();
        Listing entity = em.find(Listing.class, noImageListing.getId());
        assertNotNull(entity);
        assertEquals(
                CatalogEntries.of(entity, "https://tem.example", TODAY, false),
                CatalogEntries.of(first, "https://tem.example", TODAY, false));
        em.getTransaction().rollback();
        em.close();
    }

    private static Cooperative coop(EntityManager em, boolean consent) {
        Cooperative c = new Cooperative("Hợp tác xã " + (++gtins), CooperativeKind.COOPERATIVE, null, T);
        c.locate("Ấp 1", "Xã Bình Tịnh", "Tân Trụ", "Long An");
        c.consentToCatalog(consent);
        em.persist(c);
        return c;
    }

    private static Product product(
            EntityManager em, Cooperative c, Integer stars, LocalDate decided, Long price, String image) {
        Product p = new Product(c, "0" + Gtin.withCheckDigit(String.format("894%09d", ++gtins)), T);
        p.describe("Gạo ST25 số " + gtins, "Gạo thơm", "Gạo", "túi 5 kg", price, image, T);
        if (stars != null) {
            p.certifyOcop(
                    new OcopCertificate(
                            stars, null, null, gtins + "/QĐ-UBND", decided, OcopLevel.PROVINCE, "UBND", null),
                    T);
        }
        em.persist(p);
        return p;
    }

    private static Listing listing(EntityManager em, Product p, Channel channel, Instant at, boolean withdrawn) {
        Listing l = new Listing(p, channel, at);
        if (withdrawn) {
            l.change(true, Availability.IN_STOCK, true, at);
        }
        em.persist(l);
        return l;
    }
}
