package vn.temso.product.control;

import java.util.List;
import java.util.Map;
import vn.temso.platform.problem.Problems;

/**
 * An uploaded product image breaks one of the upload rules: a 400 {@code validation-failed} on field {@code image}
 * whose {@code rule} member names which one, so the pages word it in Vietnamese or English from the rule and its
 * numbers, never from the English detail.
 */
public class ImageRefused extends Problems.ValidationFailed {

    public static final String FIELD = "image";

    /** The upload rules; the codes are part of the API (the problem's {@code rule} member): never rename one. */
    public enum Rule {
        /** No bytes. */
        EMPTY("empty"),
        /** More than {@link ProductImages#MAX_BYTES} bytes. */
        TOO_LARGE("too-large"),
        /** The bytes are no PNG or JPEG image, whatever the Content-Type said. */
        NOT_AN_IMAGE("not-an-image"),
        /** A WebP image: recognised, not accepted (see {@link ImageSizes}). */
        WEBP("webp-not-accepted"),
        /** The header is that of a PNG or JPEG image, but the image cannot be read. */
        UNREADABLE("unreadable"),
        /** More pixels than any marketplace needs: refused from the header, before any decoding. */
        TOO_MANY_PIXELS("too-many-pixels"),
        /** Fewer than {@link ImageSizes#MIN_SIDE} px on a side (Meta's minimum). */
        TOO_SMALL("too-small");

        private final String code;

        Rule(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Rule rule;
    private final transient List<Object> args;

    /**
     * @param detail for the API (English), what is wrong and what is allowed
     * @param args   the figures the pages' words take ({0}, {1} ...), e.g. the width and height found
     */
    public ImageRefused(Rule rule, String detail, Object... args) {
        super(FIELD, detail);
        this.rule = rule;
        this.args = List.of(args);
    }

    public Rule rule() {
        return rule;
    }

    /** The figures of the message (width, height, limits), in the order of the pages' words. */
    public List<Object> args() {
        return args;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("rule", rule.code());
    }
}
