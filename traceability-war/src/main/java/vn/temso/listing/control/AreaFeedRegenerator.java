package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.feed.FeedWriters;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.catalog.publish.FeedPublisher;
import vn.temso.catalog.publish.FeedTarget;
import vn.temso.catalog.publish.PublishPolicy;
import vn.temso.catalog.publish.PublishResult;
import vn.temso.catalog.validate.FeedValidator;
import vn.temso.listing.entity.AreaFeed;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.persistence.KeysetPages;
import vn.temso.platform.time.FarmTime;

/**
 * Regenerates dirty commune and province feeds through {@link FeedPublisher} into the file store, streaming the
 * products (never the whole catalogue in memory): a province's from table scans ({@link AreaScan}), a commune's
 * page by page ({@link AreaCatalog#page}). The publish gate holds back a feed with too many invalid items; it does
 * not hold back a shrinking one: an area feed shrinks when a cooperative withdraws its consent or a certificate
 * lapses, and that must take effect (each cooperative's own feeds keep the shrink gate).
 */
@ApplicationScoped
public class AreaFeedRegenerator {

    private static final Logger LOG = Logger.getLogger(AreaFeedRegenerator.class.getName());
    static final int PAGE = 500;

    @Inject
    AreaFeeds areas;

    @Inject
    AreaRows rows;

    @Inject
    CatalogSettings catalog;

    @Inject
    SyncSettings settings;

    @Inject
    FileStore files;

    @Inject
    Clock clock;

    /** Called from the scheduler's round only (one instance of a cluster at a time). */
    public void regenerateDirty() {
        for (AreaScope retired : areas.retired()) {
            for (Channel c : Channel.values()) {
                if (c.writesFile()) {
                    String key = retired.prefix() + Feeds.fileName(c);
                    files.delete(key);
                    files.delete(StoredFeedTarget.stateKey(key));
                }
            }
        }
        areas.syncScopes();
        for (AreaFeed f : areas.dirty()) {
            regenerate(f);
        }
    }

    void regenerate(AreaFeed f) {
        AreaScope scope = AreaScope.parse(f.getScope());
        if (scope == null) {
            return;
        }
        LocalDate today = FarmTime.today(clock);
        List<String> coops = areas.cooperativesOf(scope);
        String title = title(scope);
        FeedOptions options = FeedOptions.forDay(today)
                .withFeedHeader(title + " – " + f.getChannel().cliName(), settings.publicBaseUrl(), title);
        FeedTarget target = target(files, scope, clock);
        PublishPolicy policy = policy(settings.publishPolicy());
        FeedValidator validator = settings.validator(f.getChannel());
        String base = settings.publicBaseUrl();
        try {
            // a province reads most of the tables: scanned once each; a commune's few cooperatives are a small
            // share of them: read through the cooperative indexes, page by page
            PublishResult r = scope.isProvince()
                    ? rows.scan(
                            coops,
                            today,
                            scanned -> publish(
                                    target, policy, f.getChannel(), options, validator, entries(scanned, base, today)))
                    : publish(
                            target,
                            policy,
                            f.getChannel(),
                            options,
                            validator,
                            entries((after, size) -> areas.page(coops, after, size, today), base, today));
            areas.finish(f.getId(), f.getGeneration(), r, null);
            Level level = r.published() ? Level.FINE : Level.WARNING;
            LOG.log(level, () -> "Area feed " + f.getId() + ": " + r.message());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Area feed " + f.getId() + " could not be regenerated", e);
            areas.finish(f.getId(), f.getGeneration(), null, "regeneration failed; the server log has the details");
        }
    }

    private String title(AreaScope scope) {
        if (scope.isProvince()) {
            String province = catalog.provinceName();
            return province == null ? "Sản phẩm OCOP" : "Sản phẩm OCOP tỉnh " + province;
        }
        String name = areas.communes().stream()
                .filter(c -> c.slug().equals(scope.commune()))
                .map(AreaFeeds.Commune::name)
                .findFirst()
                .orElse(scope.commune());
        return "Sản phẩm OCOP xã " + name;
    }

    /** Where a scope's feeds are published: the file store, so any instance of a cluster serves them. */
    public static FeedTarget target(FileStore files, AreaScope scope, Clock clock) {
        return StoredFeedTarget.under(files, scope.prefix(), clock);
    }

    /** The cooperatives' publish policy without the shrink gate (see the class comment). */
    public static PublishPolicy policy(PublishPolicy base) {
        return new PublishPolicy(base.maxInvalidShare(), 1.0, base.maxReportedItems());
    }

    /** Writes one area feed: the same path for the service and for bench/province-feed.sh. */
    public static PublishResult publish(
            FeedTarget target,
            PublishPolicy policy,
            Channel channel,
            FeedOptions options,
            FeedValidator validator,
            Iterator<CatalogEntry> entries)
            throws IOException {
        return new FeedPublisher(target, policy)
                .publish(Feeds.fileName(channel), FeedWriters.forChannel(channel, options), validator, entries);
    }

    /**
     * The entries of a scope, page after page (each page one call of {@code pages}, in the service its own short
     * transaction), each made by {@link CatalogEntries#of} from the listing {@link AreaCatalog} chose.
     */
    public static Iterator<CatalogEntry> entries(
            KeysetPages.Source<AreaCatalog.Row, String> pages, String publicBaseUrl, LocalDate today) {
        return entries(KeysetPages.stream("", PAGE, pages, AreaCatalog.Row::key), publicBaseUrl, today);
    }

    /** The entries of the rows of a scope however they are read ({@link AreaScan} for a whole feed). */
    public static Iterator<CatalogEntry> entries(Stream<AreaCatalog.Row> rows, String publicBaseUrl, LocalDate today) {
        return rows.filter(r -> r.listing() != null)
                .map(r -> CatalogEntries.of(r.listing(), publicBaseUrl, today, r.stocked()))
                .iterator();
    }
}
