package vn.temso.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.Availability;
import vn.temso.listing.control.Feeds;
import vn.temso.listing.control.ListingProblems;
import vn.temso.listing.control.Listings;
import vn.temso.listing.control.PushOutbox;
import vn.temso.listing.control.Stock;
import vn.temso.listing.control.StockLevel;
import vn.temso.listing.entity.Listing;
import vn.temso.listing.entity.OutboxEntry;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.boundary.ProductView;
import vn.temso.product.control.Products;

/** Marketplaces: which products go to which channel, each item's sync status and last error, retry. */
@Named
@RequestScoped
public class CatalogBean {

    @Inject
    Listings listings;

    @Inject
    PushOutbox outbox;

    @Inject
    Products products;

    @Inject
    Clock clock;

    @Inject
    ListingProblems problems;

    @Inject
    Feeds feeds;

    @Inject
    Stock stock;

    @Inject
    CurrentCaller current;

    private Page<ListingRow> rows;
    private String productId;
    private Channel channel = Channel.GOOGLE_XML;
    /** ?channel= and ?page= as the page's view parameters (kept in the pager's links); read from the request. */
    private String channelName;

    private int page;
    private Availability availability = Availability.IN_STOCK;
    private boolean enabled = true;

    /** One row of the push status table. */
    public record StatusRow(
            String product,
            String gtin,
            String channel,
            int version,
            String status,
            int attempts,
            String lastError,
            String listingId) {}

    /**
     * A listing and the problems that keep it out of its channel, each with a link to the field that fixes it; the
     * availability marketplaces see and, when out of stock, why ({@link StockLevel.Reason#code()}, else null).
     */
    public record ListingRow(
            Listing listing, List<ListingProblems.Problem> problems, Availability effective, String whyOut) {}

    /** A feed file the caller's cooperatives publish: where a person (or a marketplace) opens it, how it went. */
    public record FeedRow(String channel, String url, String outcome, long items, long invalid, String notice) {}

    /** This page of the listings (?channel=, ?page=; also the hidden fields of the listings' form). */
    public Page<ListingRow> getListings() {
        if (rows == null) {
            Locale locale = locale();
            var p = listings.list(
                    null, null, Lists.enumParam(Channel.class, "channel"), Lists.request(Lists.pageParam()));
            Map<String, StockLevel> levels =
                    stock.of(p.items().stream().map(l -> l.getProduct().getId()).toList());
            rows = new Page<>(
                    p.items().stream()
                            .map(l -> {
                                StockLevel level = levels.get(l.getProduct().getId());
                                StockLevel.Reason why = level.whyOut(l);
                                return new ListingRow(
                                        l, problems.of(l, locale), level.effective(l), why == null ? null : why.code());
                            })
                            .toList(),
                    p.page(),
                    p.size(),
                    p.total());
        }
        return rows;
    }

    public List<FeedRow> getFeeds() {
        String notice = problems.demoNotice(locale());
        return feeds.visible(current.require(), null).stream()
                .map(f -> new FeedRow(
                        f.getChannel().name(),
                        feeds.url(f),
                        f.getOutcome() == null ? "PENDING" : f.getOutcome().name(),
                        f.getItemsWritten() == null ? 0 : f.getItemsWritten(),
                        f.getItemsInvalid() == null ? 0 : f.getItemsInvalid(),
                        notice))
                .toList();
    }

    public String getChannelName() {
        return channelName;
    }

    public void setChannelName(String channelName) {
        this.channelName = channelName;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    /** The channel the listings are filtered by, or null. */
    public Channel getChannelFilter() {
        return Lists.enumParam(Channel.class, "channel");
    }

    /** How many sync entries the status table shows: the latest, with the total said above it. */
    static final int STATUS_ROWS = 100;

    private Page<StatusRow> status;

    /** The latest {@value #STATUS_ROWS} sync entries and how many there are (the page says both). */
    public Page<StatusRow> getStatusPage() {
        if (status == null) {
            var page = outbox.status(null, null, null, new PageRequest(0, STATUS_ROWS));
            status = new Page<>(statusRows(page.items()), 0, STATUS_ROWS, page.total());
        }
        return status;
    }

    public List<StatusRow> getStatus() {
        return getStatusPage().items();
    }

    private static List<StatusRow> statusRows(List<PushOutbox.StatusRow> rows) {
        return rows.stream()
                .map(r -> {
                    OutboxEntry o = r.entry();
                    return new StatusRow(
                            r.productName(),
                            r.gtin(),
                            o.getChannel().name(),
                            o.getProductVersion(),
                            o.getStatus().name(),
                            o.getAttempts(),
                            o.getLastError(),
                            o.getListingId());
                })
                .toList();
    }

    private static Locale locale() {
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc == null || fc.getViewRoot() == null
                ? ListingProblems.locale("vi")
                : fc.getViewRoot().getLocale();
    }

    public Map<String, Long> getCounts() {
        return outbox.counts(null);
    }

    public List<ProductView> getProducts() {
        return Lists.choices(r -> products.list(null, null, null, r)).stream()
                .map(p -> ProductView.of(p, FarmTime.today(clock)))
                .toList();
    }

    public void save() {
        if (Ui.run("listing", () -> {
            if (productId == null) {
                throw new vn.temso.platform.problem.Problems.ValidationFailed("productId", "Choose a product");
            }
            listings.put(productId, channel, enabled, availability, false);
        })) {
            Ui.redirect("/app/catalog.xhtml");
        }
    }

    public void remove(String listingProductId, Channel listingChannel) {
        if (Ui.run(
                "listings", () -> listings.put(listingProductId, listingChannel, false, Availability.IN_STOCK, true))) {
            Ui.redirect("/app/catalog.xhtml");
        }
    }

    public void retry(String listingId) {
        if (Ui.run("status", () -> outbox.retry(listingId))) {
            Ui.redirect("/app/catalog.xhtml");
        }
    }

    public List<Channel> getChannels() {
        return Arrays.stream(Channel.values()).toList();
    }

    public Availability[] getAvailabilities() {
        return Availability.values();
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public Availability getAvailability() {
        return availability;
    }

    public void setAvailability(Availability availability) {
        this.availability = availability;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
