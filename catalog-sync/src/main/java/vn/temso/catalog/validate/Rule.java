package vn.temso.catalog.validate;

import java.util.Locale;

/**
 * The rule an item broke, a stable code a caller can word in its own language ({@link #code()}, e.g.
 * {@code too-long}) instead of parsing the English message. The arguments each rule carries, in order, are listed
 * per constant ({@link ValidationError#args()}).
 */
public enum Rule {
    /** A field the channel requires is missing. No arguments. */
    REQUIRED,
    /** Longer than the channel allows: the length in characters, the limit. */
    TOO_LONG,
    /** A link that is not an absolute https URL: the link. */
    NOT_HTTPS,
    /** Not a URL at all: the reason. */
    NOT_A_URL,
    /** The price must be positive on this channel: the price. */
    NOT_POSITIVE,
    /** A negative price: the price. */
    NEGATIVE,
    /** A value outside the channel's list: the value. */
    NOT_ALLOWED,
    /** A GTIN of the wrong length: the number of characters. */
    GTIN_LENGTH,
    /** A GTIN with something other than digits. No arguments. */
    GTIN_DIGITS,
    /** A GTIN whose check digit is wrong: the digit found, the digit expected. */
    GTIN_CHECK_DIGIT;

    /** The stable code, lower case with hyphens ({@code not-https}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
