package vn.temso.epcis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.temso.batch.entity.Batch;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.epcis.entity.Identifiers;
import vn.temso.product.entity.Product;
import vn.temso.stamping.entity.Stamp;

/**
 * What a captured event's identifiers name in Temso. A lot class ({@code /01/{gtin}/10/{lot}}) must be one of
 * Temso's lots; an instance ({@code /01/{gtin}/21/{serial}}, or a stamp's signed URL) is one of Temso's stamps, or,
 * when Temso never issued that serial, a package of a product Temso knows by its GTIN (labelled outside this Temso:
 * by another Temso the lot came from, or by the cooperative's own packing line). Anything else names nothing here.
 */
@ApplicationScoped
public class CapturedObjects {

    @PersistenceContext
    EntityManager em;

    /**
     * One identifier as Temso files it: the canonical URI (what MATCH_epc / MATCH_anyEPCClass search), its level,
     * the cooperative that owns it, and its lot when known.
     */
    public record Owned(String canonical, boolean classLevel, Cooperative owner, Batch batch) {}

    /**
     * @param uri        as the event gives it
     * @param classLevel whether it came from a quantity list (an EPC class) rather than an EPC list
     * @param seen       identifiers already resolved in this capture, by {@code level + uri}
     * @return what it names, or empty when it names no lot or stamp Temso holds
     */
    public Optional<Owned> resolve(String uri, boolean classLevel, Map<String, Optional<Owned>> seen) {
        return seen.computeIfAbsent((classLevel ? "C " : "I ") + uri, k -> lookUp(uri, classLevel));
    }

    private Optional<Owned> lookUp(String uri, boolean classLevel) {
        Optional<Identifiers.Key> parsed = Identifiers.parse(uri.strip());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Identifiers.Key key = parsed.get();
        if (key.serial() == null || classLevel) {
            // a lot, also when an EPC list names it (filed as the class it is)
            if (key.lot() == null || key.serial() != null) {
                return Optional.empty();
            }
            return lot(key.gtin(), key.lot())
                    .map(b -> new Owned(Identifiers.lotClass(key.gtin(), key.lot()), true, b.getCooperative(), b));
        }
        String canonical = Identifiers.stamp(key.gtin(), key.serial());
        Stamp stamp = em.find(Stamp.class, Stamp.idFor(key.gtin(), key.serial()));
        if (stamp != null) {
            Batch b = stamp.getBatch();
            if (key.lot() != null && !key.lot().equals(b.getLotCode())) {
                return Optional.empty(); // a stamp URL naming another lot than the stamp's
            }
            return Optional.of(new Owned(canonical, false, b.getCooperative(), b));
        }
        Optional<Batch> lot = key.lot() == null ? Optional.empty() : lot(key.gtin(), key.lot());
        if (lot.isPresent()) {
            return Optional.of(new Owned(canonical, false, lot.get().getCooperative(), lot.get()));
        }
        return product(key.gtin()).map(p -> new Owned(canonical, false, p.getCooperative(), null));
    }

    private Optional<Batch> lot(String gtin, String lot) {
        List<Batch> found = em.createQuery(
                        "SELECT b FROM Batch b WHERE b.product.gtin = :g AND b.lotCode = :l", Batch.class)
                .setParameter("g", gtin)
                .setParameter("l", lot)
                .setMaxResults(1)
                .getResultList();
        return found.stream().findFirst();
    }

    private Optional<Product> product(String gtin) {
        return em
                .createQuery("SELECT p FROM Product p WHERE p.gtin = :g", Product.class)
                .setParameter("g", gtin)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }
}
