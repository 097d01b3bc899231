package vn.temso.catalog.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.temso.catalog.model.Text;

/**
 * Output column header to {@link FeedField}, in column order. The JSON form is one object whose
 * keys are the headers, in order, and whose values are field names, e.g.
 * {@code {"Mã SKU": "id", "Tên sản phẩm": "title", "Giá bán": "price_vnd"}}.
 */
public final class ColumnMapping {

    /** More columns than any marketplace upload sheet we know of; keeps a stored mapping small. */
    public static final int MAX_COLUMNS = 60;

    /** Spreadsheet headers longer than this are a typing accident, not a layout. */
    public static final int MAX_HEADER_LENGTH = 64;

    /** Without these a marketplace cannot tell one row from another, nor show it. */
    public static final Set<FeedField> REQUIRED =
            Collections.unmodifiableSet(EnumSet.of(FeedField.ID, FeedField.TITLE));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One proposed column as a person typed it: nothing is checked or cleaned yet. */
    public record Column(String header, String field) {}

    private final List<String> headers;
    private final List<FeedField> fields;

    public ColumnMapping(Map<String, FeedField> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a column mapping needs at least one column");
        }
        List<String> h = new ArrayList<>();
        List<FeedField> f = new ArrayList<>();
        columns.forEach((header, field) -> {
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("a column header must not be blank");
            }
            h.add(Text.clean(header));
            f.add(Objects.requireNonNull(field, "no field for column " + header));
        });
        this.headers = Collections.unmodifiableList(h);
        this.fields = Collections.unmodifiableList(f);
    }

    public List<String> headers() {
        return headers;
    }

    public List<FeedField> fields() {
        return fields;
    }

    /**
     * Reads the JSON form; duplicate headers and unknown field names are rejected ({@link InvalidMappingException}).
     * The channel rules are not applied: use {@link #fromJson(Channel, InputStream)} for a mapping a person wrote.
     */
    public static ColumnMapping fromJson(InputStream json) throws IOException {
        List<Column> columns = readColumns(json);
        List<MappingProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Column c : columns) {
            if (FeedField.lookup(c.field()) == null) {
                problems.add(unknownField(c));
            }
            if (!seen.add(c.header())) {
                problems.add(duplicate(c.header()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMappingException(problems);
        }
        return build(columns);
    }

    /** Reads the JSON form and applies every rule of {@link #check}: what the CLI and the service accept alike. */
    public static ColumnMapping fromJson(Channel channel, InputStream json) throws IOException {
        return validated(channel, readColumns(json));
    }

    /** The columns, in order, of the JSON form {@code {"header": "field", ...}}; only its shape is checked. */
    public static List<Column> readColumns(InputStream json) throws IOException {
        List<Column> columns = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidMappingException(
                        null,
                        MappingRule.NOT_AN_OBJECT,
                        "a column mapping must be a JSON object {\"header\": \"field\", ...}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String header = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new InvalidMappingException(
                            header,
                            MappingRule.NOT_AN_OBJECT,
                            "column \"" + header + "\" must map to a field name string");
                }
                columns.add(new Column(header, p.getText()));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidMappingException(
                    null, MappingRule.NOT_AN_OBJECT, "column mapping is not valid JSON: " + e.getOriginalMessage());
        }
        return columns;
    }

    /**
     * Every rule a mapping for this channel breaks, in column order and then the mapping-wide ones; empty when it is
     * fine. The one place the rules live, so the CLI and the service agree.
     */
    public static List<MappingProblem> check(Channel channel, List<Column> columns) {
        List<MappingProblem> problems = new ArrayList<>();
        if (!editable(channel)) {
            problems.add(new MappingProblem(
                    null,
                    MappingRule.FIXED_LAYOUT,
                    channel.cliName() + " has the layout its marketplace's specification fixes; only voso-csv and"
                            + " postmart-csv take a column mapping"));
            return problems;
        }
        if (columns.isEmpty()) {
            problems.add(new MappingProblem(null, MappingRule.EMPTY, "a column mapping needs at least one column"));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        Set<FeedField> mapped = EnumSet.noneOf(FeedField.class);
        for (Column c : columns) {
            MappingProblem headerProblem = headerProblem(c.header());
            if (headerProblem != null) {
                problems.add(headerProblem);
            } else if (!seen.add(c.header().toLowerCase(Locale.ROOT))) {
                problems.add(duplicate(c.header()));
            }
            FeedField f = FeedField.lookup(c.field());
            if (f == null) {
                problems.add(unknownField(c));
            } else {
                mapped.add(f);
            }
        }
        if (columns.size() > MAX_COLUMNS) {
            problems.add(new MappingProblem(
                    null,
                    MappingRule.TOO_MANY_COLUMNS,
                    columns.size() + " columns; at most " + MAX_COLUMNS + " are allowed"));
        }
        for (FeedField required : REQUIRED) {
            if (!mapped.contains(required)) {
                problems.add(new MappingProblem(
                        null,
                        MappingRule.REQUIRED_FIELD,
                        "no column carries the field \"" + required.jsonName() + "\", which every row needs"));
            }
        }
        return problems;
    }

    /** The mapping, if it passes {@link #check}; otherwise an {@link InvalidMappingException} with every problem. */
    public static ColumnMapping validated(Channel channel, List<Column> columns) {
        List<MappingProblem> problems = check(channel, columns);
        if (!problems.isEmpty()) {
            throw new InvalidMappingException(problems);
        }
        return build(columns);
    }

    /** Whether the channel's layout is ours to choose (Voso, Postmart); Google's and Meta's are fixed by their specs. */
    public static boolean editable(Channel channel) {
        return channel == Channel.VOSO_CSV || channel == Channel.POSTMART_CSV;
    }

    /** The layout a delimited channel has when nobody chose another: the bundled guess, or the fixed spec layout. */
    public static ColumnMapping defaultFor(Channel channel) {
        return switch (channel) {
            case VOSO_CSV -> vosoDefault();
            case POSTMART_CSV -> postmartDefault();
            case GOOGLE_TSV -> googleTsv();
            case META_CSV -> metaCsv();
            default -> throw new IllegalArgumentException(channel.cliName() + " is not a delimited feed");
        };
    }

    /** The columns in order, as {@link #check} takes them. */
    public List<Column> columns() {
        List<Column> out = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            out.add(new Column(headers.get(i), fields.get(i).jsonName()));
        }
        return out;
    }

    /** The JSON form, columns in order; {@link #fromJson} reads it back. */
    public String toJson() {
        var node = JSON.createObjectNode();
        for (int i = 0; i < headers.size(); i++) {
            node.put(headers.get(i), fields.get(i).jsonName());
        }
        return node.toString();
    }

    private static MappingProblem headerProblem(String header) {
        if (header == null || header.isBlank()) {
            return new MappingProblem(header, MappingRule.HEADER_BLANK, "a column header must not be blank");
        }
        if (header.codePointCount(0, header.length()) > MAX_HEADER_LENGTH) {
            return new MappingProblem(
                    header,
                    MappingRule.HEADER_TOO_LONG,
                    "column \"" + header + "\" is longer than " + MAX_HEADER_LENGTH + " characters");
        }
        if (!header.strip().equals(header)
                || "=+-@".indexOf(header.charAt(0)) >= 0
                || header.codePoints().anyMatch(ColumnMapping::unfit)) {
            return new MappingProblem(
                    header,
                    MappingRule.HEADER_CHARACTERS,
                    "column \"" + header + "\" has control or invisible characters, spaces around it, or starts with"
                            + " = + - @ (a spreadsheet formula)");
        }
        if (!Normalizer.isNormalized(header, Normalizer.Form.NFC)) {
            return new MappingProblem(
                    header,
                    MappingRule.HEADER_NOT_NFC,
                    "column \"" + header + "\" is not in Unicode NFC (retype it, or normalise the file)");
        }
        return null;
    }

    /** Control, format (zero-width, byte order mark), private-use and unassigned characters. */
    private static boolean unfit(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static MappingProblem unknownField(Column c) {
        return new MappingProblem(
                c.header(),
                MappingRule.UNKNOWN_FIELD,
                "column \"" + c.header() + "\": unknown field \"" + c.field() + "\"; expected one of "
                        + FeedField.names());
    }

    private static MappingProblem duplicate(String header) {
        return new MappingProblem(header, MappingRule.DUPLICATE_HEADER, "column \"" + header + "\" appears twice");
    }

    private static ColumnMapping build(List<Column> columns) {
        Map<String, FeedField> map = new LinkedHashMap<>();
        for (Column c : columns) {
            map.put(c.header(), FeedField.fromJsonName(c.field()));
        }
        return new ColumnMapping(map);
    }

    /** Default Voso (Viettel Post) layout. No public layout was found: a reasonable guess, override with a mapping file. */
    public static ColumnMapping vosoDefault() {
        return resource("voso-default-mapping.json");
    }

    /** Default Postmart (VNPost) layout. No public layout was found: a reasonable guess, override with a mapping file. */
    public static ColumnMapping postmartDefault() {
        return resource("postmart-default-mapping.json");
    }

    static ColumnMapping googleTsv() {
        return of(
                "id",
                "title",
                "description",
                "link",
                "image_link",
                "availability",
                "price",
                "condition",
                "brand",
                "gtin",
                "product_type:category",
                "custom_label_0:ocop_label");
    }

    static ColumnMapping metaCsv() {
        return of(
                "id",
                "title",
                "description",
                "availability",
                "condition",
                "price",
                "link",
                "image_link",
                "brand",
                "gtin",
                "product_type:category",
                "custom_label_0:ocop_label");
    }

    /** "header" when the header is the field's name, else "header:field". */
    private static ColumnMapping of(String... columns) {
        Map<String, FeedField> map = new LinkedHashMap<>();
        for (String c : columns) {
            int colon = c.indexOf(':');
            map.put(
                    colon < 0 ? c : c.substring(0, colon),
                    FeedField.fromJsonName(colon < 0 ? c : c.substring(colon + 1)));
        }
        return new ColumnMapping(map);
    }

    private static ColumnMapping resource(String name) {
        try (InputStream in = ColumnMapping.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled mapping " + name);
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
