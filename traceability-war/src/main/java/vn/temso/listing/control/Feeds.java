package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.ColumnMapping;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.publish.PublishResult;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.listing.entity.Listing;
import vn.temso.listing.entity.ListingFeed;
import vn.temso.listing.entity.SavedMapping;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.TenantScope;

/** Database side of the feed files: which are dirty, their entries page by page, the outcome of each run. */
@ApplicationScoped
@Transactional
public class Feeds {

    @PersistenceContext
    EntityManager em;

    /** Where feeds are kept in the file store: {@code feeds/<cooperative id>/<file name>}. */
    public static final String PREFIX = "feeds/";

    /** What the status says of a feed with plain-http links (demo mode on a local address). */
    public static final String DEMO = "demo: not accepted by marketplaces";

    @Inject
    Clock clock;

    @Inject
    SyncSettings settings;

    @Inject
    Stock stock;

    /** The published file name of a channel, e.g. {@code google-xml.xml}; also the last part of its URL. */
    public static String fileName(Channel channel) {
        return channel.cliName() + "."
                + switch (channel) {
                    case GOOGLE_XML -> "xml";
                    case GOOGLE_TSV -> "tsv";
                    case META_CSV, VOSO_CSV, POSTMART_CSV -> "csv";
                    case JSONLD -> "jsonld";
                    case HTTP_PUSH -> throw new IllegalArgumentException("the push channel has no feed file");
                };
    }

    /** The media type a feed file is served with. */
    public static String contentType(String name) {
        if (name.endsWith(".xml")) {
            return "application/xml; charset=UTF-8";
        }
        if (name.endsWith(".tsv")) {
            return "text/tab-separated-values; charset=UTF-8";
        }
        if (name.endsWith(".jsonld")) {
            return "application/ld+json; charset=UTF-8";
        }
        return "text/csv; charset=UTF-8";
    }

    /**
     * The file store key a feed URL names, or null for anything that is not a feed (never a side file of the
     * publisher).
     */
    public static String key(String cooperativeId, String name) {
        if (cooperativeId == null
                || !cooperativeId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return null;
        }
        for (Channel c : Channel.values()) {
            if (c.writesFile() && fileName(c).equals(name)) {
                return PREFIX + cooperativeId + "/" + fileName(c);
            }
        }
        return null;
    }

    public String url(ListingFeed f) {
        String base = settings.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/feeds/" + f.getCooperativeId()
                + "/" + fileName(f.getChannel());
    }

    public List<ListingFeed> dirty() {
        return em.createQuery(
                        "SELECT f FROM ListingFeed f WHERE f.generation > f.doneGeneration ORDER BY f.id",
                        ListingFeed.class)
                .getResultList();
    }

    public String cooperativeName(String cooperativeId) {
        Cooperative c = em.find(Cooperative.class, cooperativeId);
        return c == null ? null : c.getName();
    }

    /** Feeds of the cooperatives the caller may read. */
    public List<ListingFeed> visible(Caller caller, String cooperativeId) {
        Map<String, Object> params = new HashMap<>();
        String where = TenantScope.condition(caller, "c", params);
        if (cooperativeId != null) {
            where += " AND c.id = :coop";
            params.put("coop", cooperativeId);
        }
        var q = em.createQuery(
                "SELECT f FROM ListingFeed f, Cooperative c WHERE c.id = f.cooperativeId AND " + where
                        + " ORDER BY f.id",
                ListingFeed.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(200).getResultList();
    }

    /**
     * The saved mappings that could apply to a cooperative's feed of an editable channel: the cooperative's first,
     * then the instance-wide one (at most one each).
     */
    public List<SavedMapping> savedMappings(String cooperativeId, Channel channel) {
        List<SavedMapping> found = new java.util.ArrayList<>(em.createQuery(
                        "SELECT m FROM SavedMapping m WHERE m.channel = :ch AND m.scopeKey IN (:coop, :instance)",
                        SavedMapping.class)
                .setParameter("ch", channel)
                .setParameter("coop", SavedMapping.scopeOf(cooperativeId))
                .setParameter("instance", SavedMapping.INSTANCE)
                .getResultList());
        found.sort(java.util.Comparator.comparing(SavedMapping::isInstanceWide));
        return found;
    }

    /**
     * The layout of a cooperative's feed of an editable channel (Voso, Postmart) now: the cooperative's mapping, else
     * the instance's, else null (the writer's bundled default).
     */
    public ColumnMapping mapping(String cooperativeId, Channel channel) {
        if (!ColumnMapping.editable(channel)) {
            return null;
        }
        List<SavedMapping> saved = savedMappings(cooperativeId, channel);
        return saved.isEmpty() ? null : parse(saved.get(0));
    }

    /** A stored mapping (checked when it was saved) as the library's value. */
    public static ColumnMapping parse(SavedMapping m) {
        try {
            return ColumnMapping.fromJson(
                    new ByteArrayInputStream(m.getColumnsJson().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A feed entry and the listing it was made from (its id is the paging key). */
    public record Entry(String listingId, CatalogEntry entry) {}

    /**
     * Up to {@code limit} entries of a feed after listing id {@code after} (keyset paging keeps memory flat). The
     * page's stock levels are read in one query.
     */
    public List<Entry> page(String cooperativeId, Channel channel, String after, int limit, LocalDate today) {
        List<Listing> listings = listings(cooperativeId, channel, after, limit);
        String base = settings.publicBaseUrl();
        Map<String, StockLevel> levels =
                stock.of(listings.stream().map(l -> l.getProduct().getId()).toList());
        return listings.stream()
                .map(l -> new Entry(
                        l.getId(),
                        CatalogEntries.of(
                                l,
                                base,
                                today,
                                levels.get(l.getProduct().getId()).stocked())))
                .toList();
    }

    /** Up to {@code limit} listings of a feed after listing id {@code after}, withdrawn ones included. */
    public List<Listing> listings(String cooperativeId, Channel channel, String after, int limit) {
        return em.createQuery(
                        "SELECT l FROM Listing l WHERE l.cooperativeId = :coop AND l.channel = :ch"
                                + " AND l.id > :after ORDER BY l.id",
                        Listing.class)
                .setParameter("coop", cooperativeId)
                .setParameter("ch", channel)
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Records a run; the feed stays dirty if anything changed since {@code generation} was read. */
    public void finish(String feedId, long generation, PublishResult result, String error) {
        Instant now = clock.instant();
        ListingFeed.Outcome outcome = result == null
                ? ListingFeed.Outcome.ERROR
                : result.published() ? ListingFeed.Outcome.PUBLISHED : ListingFeed.Outcome.HELD_BACK;
        String message =
                result == null ? error : settings.demoLinks() ? result.message() + " (" + DEMO + ")" : result.message();
        if (message != null && message.length() > 1000) {
            message = message.substring(0, 1000);
        }
        em.createQuery(
                        "UPDATE ListingFeed f SET f.outcome = :o, f.message = :m, f.itemsWritten = :w, f.itemsInvalid = :i,"
                                + " f.itemsDeleted = :d, f.generatedAt = :now WHERE f.id = :id")
                .setParameter("o", outcome)
                .setParameter("m", message)
                .setParameter("w", result == null ? null : result.itemsWritten())
                .setParameter("i", result == null ? null : result.itemsInvalid())
                .setParameter("d", result == null ? null : result.itemsDeleted())
                .setParameter("now", now)
                .setParameter("id", feedId)
                .executeUpdate();
        if (result != null && result.published()) {
            em.createQuery("UPDATE ListingFeed f SET f.publishedAt = :now WHERE f.id = :id")
                    .setParameter("now", now)
                    .setParameter("id", feedId)
                    .executeUpdate();
        }
        if (result != null) {
            // a held-back feed stays held back until the next change: regenerating it unchanged would not help
            em.createQuery("UPDATE ListingFeed f SET f.doneGeneration = :g WHERE f.id = :id AND f.doneGeneration < :g")
                    .setParameter("id", feedId)
                    .setParameter("g", generation)
                    .executeUpdate();
        }
    }
}
