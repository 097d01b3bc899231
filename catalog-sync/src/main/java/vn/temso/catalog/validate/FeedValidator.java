package vn.temso.catalog.validate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.CatalogEntry;

/**
 * The rules one channel enforces, checked before publishing so the marketplace never rejects
 * (or silently drops) an item we sent. Stateless and thread-safe.
 */
public final class FeedValidator {

    /** The fields of an item the rules check (GTIN is never required, only checked when given). */
    public enum Field {
        ID,
        TITLE,
        DESCRIPTION,
        LINK,
        IMAGE_LINK,
        AVAILABILITY,
        PRICE,
        CONDITION,
        BRAND,
        GTIN;

        /** The attribute name in the feeds ({@code image_link}). */
        public String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final Set<String> CONDITIONS = Set.of("new", "refurbished", "used");

    private final Channel channel;
    private final Set<Field> required;
    private final int maxId;
    private final int maxTitle;
    private final int maxDescription;
    private final boolean httpLinks;

    public FeedValidator(Channel channel, Set<Field> required, int maxId, int maxTitle, int maxDescription) {
        this(channel, required, maxId, maxTitle, maxDescription, false);
    }

    private FeedValidator(
            Channel channel, Set<Field> required, int maxId, int maxTitle, int maxDescription, boolean httpLinks) {
        this.httpLinks = httpLinks;
        this.channel = channel;
        this.required = required.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(required);
        this.maxId = maxId;
        this.maxTitle = maxTitle;
        this.maxDescription = maxDescription;
    }

    /**
     * The channel's published limits. Google: id 50, title 150, description 5,000 characters. Meta:
     * id 100, title 200, description 9,999. Voso and Postmart publish none, so only the basics.
     */
    public static FeedValidator forChannel(Channel channel) {
        return switch (channel) {
            case GOOGLE_XML, GOOGLE_TSV -> new FeedValidator(channel, EnumSet.allOf(Field.class), 50, 150, 5000);
            case META_CSV -> new FeedValidator(channel, EnumSet.allOf(Field.class), 100, 200, 9999);
            case VOSO_CSV, POSTMART_CSV ->
                new FeedValidator(
                        channel, EnumSet.of(Field.ID, Field.TITLE, Field.PRICE, Field.AVAILABILITY), 100, 255, 10_000);
            case JSONLD, HTTP_PUSH ->
                new FeedValidator(
                        channel,
                        EnumSet.of(Field.ID, Field.TITLE, Field.LINK, Field.PRICE, Field.AVAILABILITY),
                        100,
                        500,
                        10_000);
        };
    }

    public Channel channel() {
        return channel;
    }

    /**
     * The same rules, except that links may be plain http: for a demo on a local address. Marketplaces do not
     * accept such a feed; whoever publishes it must say so.
     */
    public FeedValidator withHttpLinks() {
        return new FeedValidator(channel, required, maxId, maxTitle, maxDescription, true);
    }

    /** Whether plain http links pass ({@link #withHttpLinks()}). */
    public boolean allowsHttpLinks() {
        return httpLinks;
    }

    /** Every problem with {@code e} for this channel; empty when the item may be published. */
    public List<ValidationError> validate(CatalogEntry e) {
        List<ValidationError> errors = new ArrayList<>(2);
        text(errors, Field.ID, e.id(), maxId);
        text(errors, Field.TITLE, e.title(), maxTitle);
        text(errors, Field.DESCRIPTION, e.description(), maxDescription);
        url(errors, Field.LINK, e.link());
        url(errors, Field.IMAGE_LINK, e.imageLink());
        if (e.availability() == null) {
            required(errors, Field.AVAILABILITY, "is required");
        }
        if (e.priceVnd() <= 0 && required.contains(Field.PRICE)) {
            errors.add(ValidationError.of(
                    Field.PRICE,
                    Rule.NOT_POSITIVE,
                    "must be a positive whole number of VND, got " + e.priceVnd(),
                    e.priceVnd()));
        } else if (e.priceVnd() < 0) {
            errors.add(ValidationError.of(
                    Field.PRICE, Rule.NEGATIVE, "must not be negative, got " + e.priceVnd(), e.priceVnd()));
        }
        if (e.condition() == null) {
            required(errors, Field.CONDITION, "is required (new, refurbished or used)");
        } else if (!CONDITIONS.contains(e.condition())) {
            errors.add(ValidationError.of(
                    Field.CONDITION,
                    Rule.NOT_ALLOWED,
                    "must be new, refurbished or used, got \"" + e.condition() + "\"",
                    e.condition()));
        }
        if (e.brand() == null) {
            required(errors, Field.BRAND, "is required (the cooperative's name)");
        }
        if (e.gtin() != null) {
            ValidationError problem = Gtin.problem(e.gtin());
            if (problem != null) {
                errors.add(problem);
            }
        }
        return errors;
    }

    private void required(List<ValidationError> errors, Field field, String message) {
        if (required.contains(field)) {
            errors.add(ValidationError.of(field, Rule.REQUIRED, message));
        }
    }

    private void text(List<ValidationError> errors, Field field, String value, int max) {
        if (value == null) {
            required(errors, field, "is required");
        } else {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                errors.add(ValidationError.of(
                        field,
                        Rule.TOO_LONG,
                        "is " + length + " characters; " + channel.cliName() + " allows at most " + max,
                        length,
                        max));
            }
        }
    }

    private void url(List<ValidationError> errors, Field field, String value) {
        if (value == null) {
            required(errors, field, "is required");
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            boolean secure = "https".equalsIgnoreCase(scheme) || httpLinks && "http".equalsIgnoreCase(scheme);
            if (!secure || uri.getHost() == null) {
                errors.add(ValidationError.of(
                        field, Rule.NOT_HTTPS, "must be an absolute https URL, got \"" + value + "\"", value));
            }
        } catch (URISyntaxException ex) {
            errors.add(
                    ValidationError.of(field, Rule.NOT_A_URL, "is not a valid URL: " + ex.getReason(), ex.getReason()));
        }
    }
}
