package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.temso.audit.control.AuditLog;
import vn.temso.batch.entity.LotClosed;
import vn.temso.batch.entity.LotRecalled;
import vn.temso.batch.entity.LotRecorded;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.push.ContentHash;
import vn.temso.catalog.push.PushRequest;
import vn.temso.listing.entity.Listing;
import vn.temso.listing.entity.ListingFeed;
import vn.temso.listing.entity.OutboxEntry;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.Tenancy;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.control.Products;
import vn.temso.product.entity.Product;
import vn.temso.product.entity.ProductChanged;

/**
 * Use cases on listings, and the consequences of every product, batch (stock) or listing change, recorded in the same
 * transaction: the cooperative's feed files of that channel are marked dirty, and for push channels a new outbox
 * row is written when (and only when) the content hash changed.
 */
@ApplicationScoped
@Transactional
public class Listings {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    Clock clock;

    @Inject
    Products products;

    @Inject
    AuditLog audit;

    @Inject
    SyncSettings settings;

    @Inject
    Stock stock;

    @Inject
    AreaFeeds areaFeeds;

    /** The listing if the caller may read its product: 404 otherwise, as for an unknown id. */
    public Listing readable(String id) {
        return tenancy.readable(
                Listing.class, id, "Listing", l -> l.getProduct().getCooperative());
    }

    public Page<Listing> list(String cooperativeId, String productId, Channel channel, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(tenancy.scope("l.product.cooperative", params));
        if (cooperativeId != null) {
            where.append(" AND l.cooperativeId = :coop");
            params.put("coop", cooperativeId);
        }
        if (productId != null) {
            where.append(" AND l.product.id = :product");
            params.put("product", productId);
        }
        if (channel != null) {
            where.append(" AND l.channel = :channel");
            params.put("channel", channel);
        }
        return PagedQuery.page(
                em, Listing.class, "Listing l", where.toString(), "l.product.name, l.channel, l.id", params, page);
    }

    /** Creates or changes the listing of a product on a channel (managers of its cooperative, admins). */
    public Listing put(String productId, Channel channel, boolean enabled, Availability availability, boolean deleted) {
        Product p = products.manageable(productId);
        Listing l = find(p.getId(), channel);
        boolean created = l == null;
        if (created) {
            l = new Listing(p, channel, clock.instant());
            em.persist(l);
        }
        l.change(enabled, availability, deleted, clock.instant());
        audit.record(
                p.getCooperative(),
                created ? "create" : "update",
                "listing",
                l.getId(),
                channel.cliName() + " " + p.getGtin()
                        + (l.isLive() ? " " + availability : deleted ? " deleted" : " paused"));
        changed(l, FarmTime.today(clock));
        return l;
    }

    /** A product changed (same transaction): mark its feeds dirty and queue pushes whose content changed. */
    void onProductChanged(@Observes ProductChanged event) {
        productChanged(event.product().getId());
    }

    /** A batch was made or its record replaced: the product may have its first open batch. */
    void onLotRecorded(@Observes LotRecorded fact) {
        productChanged(fact.batch().getProduct().getId());
    }

    /** A batch was closed: it may have been the product's last open one. */
    void onLotClosed(@Observes LotClosed fact) {
        productChanged(fact.batch().getProduct().getId());
    }

    /** A batch was recalled (fired for each batch made from it too): its product may be out of stock now. */
    void onLotRecalled(@Observes LotRecalled fact) {
        productChanged(fact.batch().getProduct().getId());
    }

    private void productChanged(String productId) {
        LocalDate today = FarmTime.today(clock);
        em.createQuery("SELECT l FROM Listing l WHERE l.product.id = :p", Listing.class)
                .setParameter("p", productId)
                .getResultList()
                .forEach(l -> changed(l, today));
    }

    /**
     * Once a day (and at start): OCOP labels depend on the day, so every feed is regenerated and every push
     * listing re-hashed; unchanged content queues nothing.
     */
    public int sweep(LocalDate today) {
        em.createQuery("UPDATE ListingFeed f SET f.generation = f.generation + 1")
                .executeUpdate();
        List<Listing> pushed = em.createQuery("SELECT l FROM Listing l WHERE l.channel = :c", Listing.class)
                .setParameter("c", Channel.HTTP_PUSH)
                .getResultList();
        Map<String, StockLevel> levels =
                stock.of(pushed.stream().map(l -> l.getProduct().getId()).toList());
        int queued = 0;
        for (Listing l : pushed) {
            queued += enqueue(l, today, levels.get(l.getProduct().getId()).stocked()) ? 1 : 0;
        }
        return queued;
    }

    private void changed(Listing l, LocalDate today) {
        areaFeeds.cooperativeContentChanged(l.getProduct().getCooperative());
        if (l.getChannel().writesFile()) {
            markDirty(l.getCooperativeId(), l.getChannel());
        } else {
            enqueue(l, today);
        }
    }

    private void markDirty(String cooperativeId, Channel channel) {
        String id = ListingFeed.idOf(cooperativeId, channel);
        if (em.find(ListingFeed.class, id) == null) {
            em.persist(new ListingFeed(cooperativeId, channel));
        } else {
            // a bulk update, so it also bumps a generation the regenerator read in another transaction
            em.createQuery("UPDATE ListingFeed f SET f.generation = f.generation + 1 WHERE f.id = :id")
                    .setParameter("id", id)
                    .executeUpdate();
        }
    }

    /**
     * Writes an outbox row for the listing's current content unless the last queued version has the same hash.
     * A withdrawn listing that was never pushed queues nothing. Returns whether a row was written.
     */
    boolean enqueue(Listing l, LocalDate today) {
        return enqueue(l, today, stock.of(l.getProduct().getId()).stocked());
    }

    private boolean enqueue(Listing l, LocalDate today, boolean stocked) {
        CatalogEntry entry = CatalogEntries.of(l, settings.publicBaseUrl(), today, stocked);
        List<OutboxEntry> last = em.createQuery(
                        "SELECT o FROM OutboxEntry o WHERE o.productId = :p AND o.channel = :c"
                                + " ORDER BY o.productVersion DESC",
                        OutboxEntry.class)
                .setParameter("p", l.getProduct().getId())
                .setParameter("c", l.getChannel())
                .setMaxResults(1)
                .getResultList();
        String hash = ContentHash.of(entry, today);
        if (last.isEmpty() ? entry.deleted() : last.get(0).getContentHash().equals(hash)) {
            return false;
        }
        int version = last.isEmpty() ? 1 : last.get(0).getProductVersion() + 1;
        PushRequest built = PushRequest.of(entry, today);
        // the key names the version, not only the content: A → B → A must deliver the second A too
        PushRequest versioned = new PushRequest(entry.id() + ":" + version, built.contentHash(), built.body());
        em.persist(new OutboxEntry(
                l.getId(),
                l.getProduct().getId(),
                l.getCooperativeId(),
                l.getChannel(),
                version,
                hash,
                versioned.idempotencyKey(),
                new String(built.body(), StandardCharsets.UTF_8),
                clock.instant()));
        return true;
    }

    private Listing find(String productId, Channel channel) {
        List<Listing> found = em.createQuery(
                        "SELECT l FROM Listing l WHERE l.product.id = :p AND l.channel = :c", Listing.class)
                .setParameter("p", productId)
                .setParameter("c", channel)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
