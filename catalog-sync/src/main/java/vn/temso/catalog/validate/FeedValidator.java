package vn.temso.catalog.validate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.CatalogEntry;

/**
 * The rules one channel enforces, checked before publishing so the marketplace never rejects
 * (or silently drops) an item we sent. Stateless and thread-safe.
 */
public final class FeedValidator {

    /** Fields a rule can require. */
    public enum Field {
        ID,
        TITLE,
        DESCRIPTION,
        LINK,
        IMAGE_LINK,
        AVAILABILITY,
        PRICE,
        CONDITION,
        BRAND
    }

    static final Set<String> CONDITIONS = Set.of("new", "refurbished", "used");

    private final Channel channel;
    private final Set<Field> required;
    private final int maxId;
    private final int maxTitle;
    private final int maxDescription;

    public FeedValidator(Channel channel, Set<Field> required, int maxId, int maxTitle, int maxDescription) {
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

    /** Every problem with {@code e} for this channel; empty when the item may be published. */
    public List<ValidationError> validate(CatalogEntry e) {
        List<ValidationError> errors = new ArrayList<>(2);
        text(errors, Field.ID, "id", e.id(), maxId);
        text(errors, Field.TITLE, "title", e.title(), maxTitle);
        text(errors, Field.DESCRIPTION, "description", e.description(), maxDescription);
        url(errors, Field.LINK, "link", e.link());
        url(errors, Field.IMAGE_LINK, "image_link", e.imageLink());
        if (e.availability() == null && required.contains(Field.AVAILABILITY)) {
            errors.add(new ValidationError("availability", "is required"));
        }
        if (e.priceVnd() <= 0 && required.contains(Field.PRICE)) {
            errors.add(new ValidationError("price", "must be a positive whole number of VND, got " + e.priceVnd()));
        } else if (e.priceVnd() < 0) {
            errors.add(new ValidationError("price", "must not be negative, got " + e.priceVnd()));
        }
        if (e.condition() == null) {
            if (required.contains(Field.CONDITION)) {
                errors.add(new ValidationError("condition", "is required (new, refurbished or used)"));
            }
        } else if (!CONDITIONS.contains(e.condition())) {
            errors.add(new ValidationError(
                    "condition", "must be new, refurbished or used, got \"" + e.condition() + "\""));
        }
        if (e.brand() == null && required.contains(Field.BRAND)) {
            errors.add(new ValidationError("brand", "is required (the cooperative's name)"));
        }
        if (e.gtin() != null) {
            String problem = Gtin.problem(e.gtin());
            if (problem != null) {
                errors.add(new ValidationError("gtin", problem));
            }
        }
        return errors;
    }

    private void text(List<ValidationError> errors, Field field, String name, String value, int max) {
        if (value == null) {
            if (required.contains(field)) {
                errors.add(new ValidationError(name, "is required"));
            }
        } else {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                errors.add(new ValidationError(
                        name, "is " + length + " characters; " + channel.cliName() + " allows at most " + max));
            }
        }
    }

    private void url(List<ValidationError> errors, Field field, String name, String value) {
        if (value == null) {
            if (required.contains(field)) {
                errors.add(new ValidationError(name, "is required"));
            }
            return;
        }
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                errors.add(new ValidationError(name, "must be an absolute https URL, got \"" + value + "\""));
            }
        } catch (URISyntaxException ex) {
            errors.add(new ValidationError(name, "is not a valid URL: " + ex.getReason()));
        }
    }
}
