package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.temso.catalog.validate.FeedValidator;
import vn.temso.catalog.validate.ValidationError;
import vn.temso.listing.entity.Listing;
import vn.temso.listing.entity.ListingFeed;
import vn.temso.platform.time.FarmTime;

/**
 * Why a listing stays out of its channel: the channel's validation problems of the item as it would be published
 * now, each with the form field that fixes it and a message in Vietnamese or English worded from the typed field and
 * rule code (never from the library's English message). No problem names a path on the server.
 */
@ApplicationScoped
@Transactional
public class ListingProblems {

    /** Items with problems shown per feed; the status answer stays small for any catalog size. */
    public static final int SHOWN_ITEMS = 50;

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final int PAGE = 200;

    @Inject
    SyncSettings settings;

    @Inject
    Feeds feeds;

    @Inject
    Clock clock;

    /**
     * One problem.
     *
     * @param field the product form field that fixes it ({@code image}, {@code name}, ...)
     * @param code the rule's stable code ({@code required}, {@code not-https}, ...)
     * @param message the problem in the caller's language
     * @param fix the page (and its field) where it is fixed, relative to the application, or null when no form
     *     does (the public base URL is configuration)
     */
    public record Problem(String field, String code, String message, String fix) {}

    /** The problems of one listed product on one channel. */
    public record ItemProblems(
            String listingId, String productId, String gtin, String productName, List<Problem> problems) {}

    /** Vietnamese unless English is asked for ({@code Accept-Language} or {@code ?lang=}). */
    public static Locale locale(String languageTag) {
        return languageTag != null
                        && languageTag.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : VI;
    }

    /** The problems of a listing on its channel; none for a withdrawn one (it is in no feed). */
    public List<Problem> of(Listing listing, Locale locale) {
        return listing.isDeleted() ? List.of() : of(listing, locale, FarmTime.today(clock));
    }

    /**
     * The listed products of a feed that fail its channel's rules, at most {@link #SHOWN_ITEMS}. A feed whose last
     * run found every item valid and that has not changed since is not read again.
     */
    public List<ItemProblems> of(ListingFeed feed, Locale locale) {
        if (!feed.isDirty() && feed.getItemsInvalid() != null && feed.getItemsInvalid() == 0) {
            return List.of();
        }
        LocalDate today = FarmTime.today(clock);
        List<ItemProblems> found = new ArrayList<>();
        String after = "";
        while (found.size() < SHOWN_ITEMS) {
            List<Listing> page = feeds.listings(feed.getCooperativeId(), feed.getChannel(), after, PAGE);
            for (Listing l : page) {
                List<Problem> problems = l.isLive() ? of(l, locale, today) : List.of();
                if (!problems.isEmpty() && found.size() < SHOWN_ITEMS) {
                    found.add(new ItemProblems(
                            l.getId(),
                            l.getProduct().getId(),
                            l.getProduct().getGtin(),
                            l.getProduct().getName(),
                            problems));
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).getId();
        }
        return found;
    }

    /** The demo notice of feeds whose links are plain http, or null when they are real (https) feeds. */
    public String demoNotice(Locale locale) {
        return settings.demoLinks() ? bundle(locale).getString("listing.demo") : null;
    }

    private List<Problem> of(Listing l, Locale locale, LocalDate today) {
        FeedValidator validator = settings.validator(l.getChannel());
        // availability is valid either way (every channel takes in and out of stock), so no stock query is needed
        List<ValidationError> errors = validator.validate(CatalogEntries.of(l, settings.publicBaseUrl(), today, true));
        if (errors.isEmpty()) {
            return List.of();
        }
        ResourceBundle words = bundle(locale);
        String channel = words.getString("enum.Channel." + l.getChannel().name());
        return errors.stream().map(e -> problem(e, l, channel, words, locale)).toList();
    }

    private static Problem problem(ValidationError e, Listing l, String channel, ResourceBundle words, Locale locale) {
        Object[] args = new Object[2 + e.args().size()];
        args[0] = words.getString("listing.field." + e.name());
        args[1] = channel;
        for (int i = 0; i < e.args().size(); i++) {
            args[2 + i] = e.args().get(i);
        }
        String message =
                new MessageFormat(words.getString("listing.problem." + e.rule().code()), locale).format(args);
        String productForm = "/app/product.xhtml?id=" + l.getProduct().getId() + "#product:";
        return switch (e.field()) {
            case ID, GTIN -> new Problem("gtin", e.rule().code(), message, productForm + "gtin");
            case TITLE -> new Problem("name", e.rule().code(), message, productForm + "name");
            case DESCRIPTION -> new Problem("description", e.rule().code(), message, productForm + "description");
            case IMAGE_LINK -> new Problem("image", e.rule().code(), message, productForm + "image");
            case PRICE -> new Problem("priceVnd", e.rule().code(), message, productForm + "priceVnd");
            case AVAILABILITY -> new Problem("availability", e.rule().code(), message, "/app/catalog.xhtml#listing");
            case BRAND -> new Problem("cooperative", e.rule().code(), message, "/app/cooperatives.xhtml");
            // the product link is made from temso.public.base-url, and the condition is always "new": no form
            case LINK, CONDITION -> new Problem(e.name(), e.rule().code(), message, null);
        };
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "vn.temso.web.messages",
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VI,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
