package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.publish.PublishResult;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeChanged;
import vn.temso.listing.entity.AreaFeed;
import vn.temso.listing.entity.ListingFeed;

/**
 * Database side of the commune and province feeds and of the public catalogue ({@link AreaCatalog} says which
 * products they list). A change that can alter an area feed bumps its generation in the changing transaction; rows
 * are made and removed only by the regenerator ({@link #syncScopes}), from the communes of consenting cooperatives,
 * so requests never create rows and no two transactions race to insert one.
 */
@ApplicationScoped
@Transactional
public class AreaFeeds {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A consenting cooperative's commune: its name as entered and its slug. */
    public record Commune(String slug, String name) {}

    /** The communes of consenting cooperatives, by slug (the first name in name order when several spell it). */
    public List<Commune> communes() {
        TreeMap<String, String> bySlug = new TreeMap<>();
        for (Cooperative c : consenting()) {
            String slug = AreaScope.slug(c.getCommune());
            if (slug != null && (!bySlug.containsKey(slug) || c.getCommune().compareTo(bySlug.get(slug)) < 0)) {
                bySlug.put(slug, c.getCommune());
            }
        }
        return bySlug.entrySet().stream()
                .map(e -> new Commune(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * The consenting cooperatives a scope covers: every one for the province, those of the commune otherwise (empty
     * when it has none).
     */
    public List<String> cooperativesOf(AreaScope scope) {
        List<String> ids = new ArrayList<>();
        for (Cooperative c : consenting()) {
            if (scope.isProvince() || scope.commune().equals(AreaScope.slug(c.getCommune()))) {
                ids.add(c.getId());
            }
        }
        return ids;
    }

    private List<Cooperative> consenting() {
        return AreaCatalog.consenting(em);
    }

    /** The cooperative if it consents to the catalogue, else null (unknown and not consenting alike). */
    public Cooperative consenting(String id) {
        Cooperative c = em.find(Cooperative.class, id);
        return c != null && c.isCatalogConsent() ? c : null;
    }

    /** The province the instance serves: the configured name, else the one all consenting cooperatives share. */
    public String provinceOfCooperatives() {
        Set<String> provinces = new HashSet<>();
        consenting().forEach(c -> {
            if (c.getProvince() != null) {
                provinces.add(c.getProvince());
            }
        });
        return provinces.size() == 1 ? provinces.iterator().next() : null;
    }

    /**
     * Makes the rows of the province and of every commune with a consenting cooperative (new rows are dirty), and
     * removes the rows of communes that have none any more: the number of feeds follows real communes. Their files
     * are deleted before, outside any transaction, by the regenerator ({@link #retired}): the file store works on its
     * own connections, which must not be taken while this transaction holds one.
     */
    public void syncScopes() {
        Set<String> wanted = wantedScopes();
        Set<String> have = haveScopes();
        for (String scope : wanted) {
            if (!have.contains(scope)) {
                for (Channel c : Channel.values()) {
                    if (c.writesFile()) {
                        em.persist(new AreaFeed(scope, c));
                    }
                }
            }
        }
        for (String scope : have) {
            if (!wanted.contains(scope)) {
                em.createQuery("DELETE FROM AreaFeed f WHERE f.scope = :s")
                        .setParameter("s", scope)
                        .executeUpdate();
            }
        }
    }

    /** The scopes that have feeds but no consenting cooperative any more (their files go, then their rows). */
    public List<AreaScope> retired() {
        Set<String> wanted = wantedScopes();
        return haveScopes().stream()
                .filter(s -> !wanted.contains(s))
                .map(AreaScope::parse)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private Set<String> wantedScopes() {
        Set<String> wanted = new HashSet<>();
        wanted.add(AreaScope.PROVINCE.scope());
        communes().forEach(c -> wanted.add(AreaScope.commune(c.slug()).scope()));
        return wanted;
    }

    private Set<String> haveScopes() {
        return new HashSet<>(em.createQuery("SELECT DISTINCT f.scope FROM AreaFeed f", String.class)
                .getResultList());
    }

    public List<AreaFeed> dirty() {
        return em.createQuery(
                        "SELECT f FROM AreaFeed f WHERE f.generation > f.doneGeneration ORDER BY f.id", AreaFeed.class)
                .getResultList();
    }

    /** Every area feed, for the status of the catalogue page and tests. */
    public List<AreaFeed> all() {
        return em.createQuery("SELECT f FROM AreaFeed f ORDER BY f.id", AreaFeed.class)
                .setMaxResults(10_000)
                .getResultList();
    }

    /**
     * A product or listing of the cooperative changed (same transaction): its province and commune feeds are dirty,
     * if it consents (otherwise none of its products is in them). A bulk update: no row is created here.
     */
    public void cooperativeContentChanged(Cooperative c) {
        if (!c.isCatalogConsent()) {
            return;
        }
        String slug = AreaScope.slug(c.getCommune());
        em.createQuery("UPDATE AreaFeed f SET f.generation = f.generation + 1 WHERE f.scope = :p OR f.scope = :c")
                .setParameter("p", AreaScope.PROVINCE.scope())
                .setParameter("c", slug == null ? "" : AreaScope.commune(slug).scope())
                .executeUpdate();
    }

    /**
     * A cooperative's details changed: consent, commune (it may have left one) or name (the feeds' brand). Rare, so
     * every area feed is regenerated rather than working out which.
     */
    void onCooperativeChanged(@Observes CooperativeChanged event) {
        sweep();
    }

    /** Every area feed dirty: the daily sweep (OCOP validity depends on the day) and cooperative changes. */
    public int sweep() {
        return em.createQuery("UPDATE AreaFeed f SET f.generation = f.generation + 1")
                .executeUpdate();
    }

    /** One page of a scope's products (its own short transaction), see {@link AreaCatalog#page}. */
    public List<AreaCatalog.Row> page(List<String> cooperativeIds, String after, int limit, LocalDate today) {
        return AreaCatalog.page(em, cooperativeIds, after, limit, today);
    }

    /** Up to {@code max} open lots of a product, newest first: the catalogue links their trace pages. */
    public List<String> openLots(String productId, int max) {
        return em.createQuery(
                        "SELECT b.lotCode FROM Batch b WHERE b.product.id = :p AND b.status = :open"
                                + " ORDER BY b.createdAt DESC, b.id",
                        String.class)
                .setParameter("p", productId)
                .setParameter("open", BatchStatus.OPEN)
                .setMaxResults(max)
                .getResultList();
    }

    /** Records a run; the feed stays dirty if anything changed since {@code generation} was read. */
    public void finish(String feedId, long generation, PublishResult result, String error) {
        Instant now = clock.instant();
        ListingFeed.Outcome outcome = result == null
                ? ListingFeed.Outcome.ERROR
                : result.published() ? ListingFeed.Outcome.PUBLISHED : ListingFeed.Outcome.HELD_BACK;
        String message = result == null ? error : result.message();
        if (message != null && message.length() > 1000) {
            message = message.substring(0, 1000);
        }
        em.createQuery("UPDATE AreaFeed f SET f.outcome = :o, f.message = :m, f.itemsWritten = :w,"
                        + " f.itemsInvalid = :i, f.generatedAt = :now WHERE f.id = :id")
                .setParameter("o", outcome)
                .setParameter("m", message)
                .setParameter("w", result == null ? null : result.itemsWritten())
                .setParameter("i", result == null ? null : result.itemsInvalid())
                .setParameter("now", now)
                .setParameter("id", feedId)
                .executeUpdate();
        if (result != null && result.published()) {
            em.createQuery("UPDATE AreaFeed f SET f.publishedAt = :now WHERE f.id = :id")
                    .setParameter("now", now)
                    .setParameter("id", feedId)
                    .executeUpdate();
        }
        if (result != null) {
            em.createQuery("UPDATE AreaFeed f SET f.doneGeneration = :g WHERE f.id = :id AND f.doneGeneration < :g")
                    .setParameter("id", feedId)
                    .setParameter("g", generation)
                    .executeUpdate();
        }
    }
}
