package vn.temso.label.template;

import java.util.Objects;

/**
 * One thing wrong with a template.
 *
 * @param field   the JSON field it is about ({@code labelWidthMm}, {@code columns}, ...), or {@code template} for
 *                the template as a whole (unreadable JSON, unknown preset)
 * @param message for the person who wrote the template: names the field, the value and the limit
 */
public record TemplateProblem(String field, String message) {

    /** The field named when a problem is about the whole template. */
    public static final String WHOLE_TEMPLATE = "template";

    public TemplateProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
