package vn.temso.catalog.validate;

import java.util.List;

/**
 * One problem with one field of one item: which field ({@link FeedValidator.Field}), which rule ({@link Rule}) with
 * its arguments, and an English message for the command line. Callers that show problems to people word them from
 * the field and rule, never from the message.
 */
public record ValidationError(FeedValidator.Field field, Rule rule, List<String> args, String message) {

    public ValidationError {
        args = List.copyOf(args);
    }

    static ValidationError of(FeedValidator.Field field, Rule rule, String message, Object... args) {
        return new ValidationError(
                field, rule, java.util.Arrays.stream(args).map(String::valueOf).toList(), message);
    }

    /** The field's attribute name in the feeds ({@code image_link}). */
    public String name() {
        return field.attribute();
    }

    @Override
    public String toString() {
        return name() + ": " + message;
    }
}
