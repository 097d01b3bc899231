package vn.temso.catalog.feed;

import java.util.Locale;

/**
 * A rule a column mapping broke: a stable code ({@link #code()}, e.g. {@code header-too-long}) that the CLI prints and
 * the service turns into a 400 problem, so neither has to read the English message.
 */
public enum MappingRule {
    /** The mapping is not a JSON object of header to field name strings. */
    NOT_AN_OBJECT,
    /** A field name that {@link FeedField} does not know. */
    UNKNOWN_FIELD,
    /** No column at all. */
    EMPTY,
    /** More than {@link ColumnMapping#MAX_COLUMNS} columns. */
    TOO_MANY_COLUMNS,
    /** A field every item row needs (the item id, the title) has no column. */
    REQUIRED_FIELD,
    /** A blank header. */
    HEADER_BLANK,
    /** A header longer than {@link ColumnMapping#MAX_HEADER_LENGTH} characters. */
    HEADER_TOO_LONG,
    /**
     * A header with control or invisible characters, spaces around it, or a first character a spreadsheet reads as a
     * formula ({@code = + - @}).
     */
    HEADER_CHARACTERS,
    /** A header not in Unicode NFC (Vietnamese typed decomposed looks equal but compares different). */
    HEADER_NOT_NFC,
    /** Two columns with the same header (ignoring case). */
    DUPLICATE_HEADER,
    /** The channel's layout is fixed by the marketplace's specification (Google, Meta): no mapping applies. */
    FIXED_LAYOUT;

    /** The stable code, lower case with hyphens ({@code duplicate-header}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
