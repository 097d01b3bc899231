package vn.temso.imports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import vn.temso.batch.entity.Batch;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.platform.text.Texts;
import vn.temso.product.entity.Gtin;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.MaterialZone;

/**
 * Finds what a row names by its natural key (a zone code, a GTIN, a GTIN and a lot) within the cooperative the file
 * is imported into; anything of another cooperative is "unknown", exactly as through the API.
 */
@ApplicationScoped
public class ImportLookups {

    @PersistenceContext
    EntityManager em;

    @Inject
    Cooperatives cooperatives;

    /** The cooperative a file goes into: the caller's own, or for an admin the one named (required then). */
    public String targetCooperative(String requestedId) {
        return cooperatives.ownerForEntry(requestedId).getId();
    }

    public static String zoneCode(String raw) {
        String c = Texts.clean(raw);
        return c == null ? null : c.toUpperCase(Locale.ROOT);
    }

    /** A zone of any cooperative by its code (codes are unique across cooperatives). */
    public MaterialZone zone(String code) {
        List<MaterialZone> found = em.createQuery("SELECT z FROM MaterialZone z WHERE z.code = :c", MaterialZone.class)
                .setParameter("c", zoneCode(code))
                .setFlushMode(FlushModeType.COMMIT) // a code twice in one file is caught before
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** A product of any cooperative by its GTIN (normalised to GTIN-14; a wrong GTIN is an InvalidField). */
    public Product product(String gtin) {
        List<Product> found = em.createQuery("SELECT p FROM Product p WHERE p.gtin = :g", Product.class)
                .setParameter("g", Gtin.normalize(gtin))
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The id of the cooperative's zone with this code, or a problem on {@code column}. */
    public String zoneId(String cooperativeId, String code, String column) {
        MaterialZone z = zone(code);
        if (z == null || !z.getCooperative().getId().equals(cooperativeId)) {
            throw new CellProblem(column, "row.unknownZone", zoneCode(code));
        }
        return z.getId();
    }

    /** The id of the cooperative's product with this GTIN, or a problem on {@code column}. */
    public String productId(String cooperativeId, String gtin, String column) {
        Product p = product(gtin);
        if (p == null || !p.getCooperative().getId().equals(cooperativeId)) {
            throw new CellProblem(column, "row.unknownProduct", gtin);
        }
        return p.getId();
    }

    public Batch batch(String productId, String lot) {
        List<Batch> found = em.createQuery(
                        "SELECT b FROM Batch b WHERE b.product.id = :p AND b.lotCode = :l", Batch.class)
                .setParameter("p", productId)
                .setParameter("l", lot == null ? null : lot.strip())
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
