package vn.temso.catalog.feed;

import java.util.Objects;

/**
 * One broken rule of a proposed column mapping.
 *
 * @param header  the column's header as given, or null when the rule concerns the mapping as a whole (too many
 *                columns, a required field missing, a fixed channel)
 * @param rule    what broke; decide on this, never on the message
 * @param message for a person, in English
 */
public record MappingProblem(String header, MappingRule rule, String message) {

    public MappingProblem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
