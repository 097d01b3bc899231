package vn.temso.listing.boundary;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.temso.catalog.feed.ColumnMapping;
import vn.temso.catalog.feed.FeedField;
import vn.temso.listing.control.ColumnMappings;

/**
 * One channel's column layout: {@code source} builtin (catalog-sync's bundled guess), instance, cooperative, or fixed
 * (Google's and Meta's layouts, set by their specifications: {@code editable} false, {@code note} says so).
 */
public record ColumnMappingView(
        String channel,
        boolean editable,
        String source,
        String cooperativeId,
        List<ColumnView> columns,
        Instant updatedAt,
        String updatedBy,
        String note) {

    /** One column: the header written in the file's first row and the field whose value fills it. */
    public record ColumnView(String header, String field) {}

    /** A field a column may carry, with what it holds. */
    public record FieldView(String name, String description, boolean required) {}

    /** The list answer: every delimited channel's layout in the scope, and the fields a mapping may use. */
    public record ListView(String cooperativeId, List<ColumnMappingView> mappings, List<FieldView> fields) {}

    /** A preview: the proposed headers, the first rows of the feed as they would be written, and the CSV text. */
    public record PreviewView(
            String channel, String cooperativeId, List<String> headers, List<List<String>> rows, String csv) {
        static PreviewView of(ColumnMappings.Preview p) {
            return new PreviewView(p.channel().cliName(), p.cooperativeId(), p.headers(), p.rows(), p.csv());
        }
    }

    static final String FIXED_NOTE = "The layout of this channel is fixed by the marketplace's specification"
            + " (Google Merchant Center, Meta catalog) and cannot be changed.";

    static ColumnMappingView of(ColumnMappings.Effective e) {
        return new ColumnMappingView(
                e.channel().cliName(),
                e.editable(),
                e.source().name().toLowerCase(Locale.ROOT),
                e.cooperativeId(),
                columns(e.mapping()),
                e.updatedAt(),
                e.updatedBy(),
                e.editable() ? null : FIXED_NOTE);
    }

    static List<ColumnView> columns(ColumnMapping m) {
        return m.columns().stream()
                .map(c -> new ColumnView(c.header(), c.field()))
                .toList();
    }

    static List<FieldView> fields() {
        return Arrays.stream(FeedField.values())
                .map(f -> new FieldView(f.jsonName(), f.description(), ColumnMapping.REQUIRED.contains(f)))
                .toList();
    }
}
