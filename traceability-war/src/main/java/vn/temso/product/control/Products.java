package vn.temso.product.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import vn.temso.audit.control.AuditLog;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.Tenancy;
import vn.temso.platform.text.Texts;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.Gtin;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.Product;
import vn.temso.product.entity.ProductChanged;

/** Use cases on products. A GTIN identifies one trade item worldwide, so it is unique across cooperatives. */
@ApplicationScoped
@Transactional
public class Products {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    Clock clock;

    @Inject
    Cooperatives cooperatives;

    @Inject
    AuditLog audit;

    @Inject
    Event<ProductChanged> changed;

    public Product readable(String id) {
        return tenancy.readable(Product.class, id, "Product", Product::getCooperative);
    }

    public Product manageable(String id) {
        return tenancy.manageable(Product.class, id, "Product", Product::getCooperative);
    }

    /** ocop: "active", "expired" or "none". */
    public Page<Product> list(String q, String ocop, String cooperativeId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(tenancy.scope("p.cooperative", params));
        if (Texts.clean(q) != null) {
            where.append(" AND (LOWER(p.name) LIKE :q OR p.gtin LIKE :q)");
            params.put("q", "%" + Texts.key(q) + "%");
        }
        if (cooperativeId != null) {
            where.append(" AND p.cooperative.id = :coop");
            params.put("coop", cooperativeId);
        }
        if (ocop != null) {
            switch (ocop) {
                case "active" ->
                    where.append(
                            " AND p.ocop.stars IS NOT NULL AND p.ocop.decisionDate <= :today AND p.ocop.validUntil >= :today");
                case "expired" -> where.append(" AND p.ocop.stars IS NOT NULL AND p.ocop.validUntil < :today");
                case "none" -> where.append(" AND p.ocop.stars IS NULL");
                default -> throw new Problems.ValidationFailed("ocop", "ocop filter is active, expired or none");
            }
            if (!"none".equals(ocop)) {
                params.put("today", FarmTime.today(clock));
            }
        }
        return PagedQuery.page(em, Product.class, "Product p", where.toString(), "p.name, p.id", params, page);
    }

    public Product create(ProductCommand r) {
        Cooperative coop = cooperatives.ownerForNew(r.cooperativeId());
        String gtin = Gtin.normalize(r.gtin());
        if (!em.createQuery("SELECT p.id FROM Product p WHERE p.gtin = :g", String.class)
                .setParameter("g", gtin)
                .getResultList()
                .isEmpty()) {
            throw new Problems.Conflict("A product with GTIN " + gtin + " is already registered");
        }
        Product p = new Product(coop, gtin, clock.instant());
        apply(p, r);
        em.persist(p);
        audit.record(coop, "create", "product", p.getId(), gtin + " " + p.getName());
        changed.fire(new ProductChanged(p));
        return p;
    }

    /** Replaces a product's details; the GTIN is its identity and cannot change. */
    public Product update(String id, ProductCommand r) {
        Product p = manageable(id);
        if (!p.getGtin().equals(Gtin.normalize(r.gtin()))) {
            throw new Problems.ValidationFailed("gtin", "The GTIN cannot be changed; register a new product instead");
        }
        apply(p, r);
        audit.record(p.getCooperative(), "update", "product", p.getId(), p.getGtin() + " " + p.getName());
        changed.fire(new ProductChanged(p));
        return p;
    }

    /** Points a product at its stored image (see {@link ProductImages}). */
    public Product imageStored(String id, String imageUrl) {
        Product p = manageable(id);
        p.describe(
                p.getName(),
                p.getDescription(),
                p.getCategory(),
                p.getUnit(),
                p.getPriceVnd(),
                imageUrl,
                clock.instant());
        audit.record(p.getCooperative(), "update", "product", p.getId(), p.getGtin() + " image");
        changed.fire(new ProductChanged(p));
        return p;
    }

    private void apply(Product p, ProductCommand r) {
        Instant now = clock.instant();
        p.describe(r.name(), r.description(), r.category(), r.unit(), r.priceVnd(), r.imageUrl(), now);
        if (r.ocop() == null) {
            p.certifyOcop(null, now);
            return;
        }
        var o = r.ocop();
        p.certifyOcop(
                new OcopCertificate(
                        o.stars(),
                        o.group(),
                        o.score(),
                        o.decisionNumber(),
                        o.decisionDate(),
                        o.level(),
                        o.authority(),
                        o.validUntil()),
                now);
    }
}
